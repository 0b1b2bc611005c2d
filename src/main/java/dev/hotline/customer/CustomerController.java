package dev.hotline.customer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.hotline.shared.NotFoundException;
import dev.hotline.shared.PhoneNumbers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** The customer archive over REST: agents read and register callers, admins too; supervisors read. */
@Tag(name = "Customers", description = "The customer archive (客户档案): customers, their phone numbers and products, the screen pop")
@RestController
@RequestMapping("/api/customers")
class CustomerController {

    private final CustomerArchive archive;
    private final PhoneNumbers phoneNumbers;

    CustomerController(CustomerArchive archive, PhoneNumbers phoneNumbers) {
        this.archive = archive;
        this.phoneNumbers = phoneNumbers;
    }

    record CustomerPage(List<CustomerSummary> items, int page, int size, long totalItems, int totalPages) {
    }

    @Operation(summary = "List or search customers by name, contact person or phone number")
    @GetMapping
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'ADMIN')")
    CustomerPage list(@RequestParam(required = false) @Size(max = 200) String name,
                      @RequestParam(required = false) @Size(max = 40) String phone,
                      @RequestParam(defaultValue = "0") @Min(0) int page,
                      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        var found = archive.search(name, phone, page, size);
        return new CustomerPage(found.getContent(), page, size,
                found.getTotalElements(), found.getTotalPages());
    }

    @Operation(summary = "Screen pop: the customer behind a phone number, with every product and its warranty status")
    @GetMapping("/lookup")
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'ADMIN')")
    CustomerCard lookup(@RequestParam @NotBlank @Size(max = 40) String phone) {
        var number = phoneNumbers.parse(phone);
        return archive.lookup(number).orElseThrow(() -> new NotFoundException("Customer with phone", number));
    }

    @Operation(summary = "A customer with its products")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'ADMIN')")
    CustomerCard get(@PathVariable long id) {
        return archive.get(id);
    }

    @Operation(summary = "Create a customer")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PostMapping
    @PreAuthorize("hasAnyRole('AGENT', 'ADMIN')")
    ResponseEntity<CustomerCard> create(@Valid @RequestBody CustomerData body) {
        var card = archive.create(body);
        return ResponseEntity.created(URI.create("/api/customers/" + card.id())).body(card);
    }

    @Operation(summary = "Update a customer")
    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('AGENT', 'ADMIN')")
    CustomerCard update(@PathVariable long id, @Valid @RequestBody CustomerData body) {
        return archive.update(id, body);
    }

    @Operation(summary = "A customer's products with their warranty status")
    @GetMapping("/{id}/products")
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'ADMIN')")
    List<CustomerCard.OwnedProduct> products(@PathVariable long id) {
        return archive.products(id);
    }

    @Operation(summary = "Add a product (model, serial number, ship date, sales channel)")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PostMapping("/{id}/products")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('AGENT', 'ADMIN')")
    CustomerCard.OwnedProduct addProduct(@PathVariable long id, @Valid @RequestBody ProductData body) {
        return archive.addProduct(id, body);
    }
}
