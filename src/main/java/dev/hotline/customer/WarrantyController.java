package dev.hotline.customer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.hotline.shared.InvalidInputException;
import dev.hotline.shared.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/**
 * Answers "is it in warranty, what will the repair cost, may it be returned?" for a registered serial number, or for a
 * ship date and sales channel given by the caller.
 */
@Tag(name = "Warranty", description = "Warranty, charging and return rules of regulation 001 §5–§8")
@RestController
@RequestMapping("/api/warranty")
class WarrantyController {

    private final ProductRepository products;
    private final WarrantyRules rules;
    private final CustomerArchive archive;

    WarrantyController(ProductRepository products, WarrantyRules rules, CustomerArchive archive) {
        this.products = products;
        this.rules = rules;
        this.archive = archive;
    }

    /**
     * @param serialNumber a registered product; or else {@code shipDate} (absent = not proven) and {@code salesChannel}
     * @param on           the day to judge (default today)
     * @param facts        what is established about the fault, all optional
     */
    record WarrantyQuery(@Size(max = 100) String serialNumber, @PastOrPresent LocalDate shipDate,
                         SalesChannel salesChannel, LocalDate on, @Valid FaultFacts facts) {
    }

    record Reason(ReturnReason code, String rule, boolean allows) {
    }

    record ReturnAnswer(boolean allowed, List<Reason> reasons) {
    }

    record WarrantyAnswer(String serialNumber, Long customerId, LocalDate shipDate, SalesChannel salesChannel,
                          LocalDate on, boolean inWarranty, LocalDate until, WarrantyStatus.Basis basis,
                          Charge charge, ReturnAnswer returnDecision) {
    }

    @Operation(summary = "Decide warranty, charge and return for a serial number or a ship date")
    @PostMapping("/check")
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'ADMIN')")
    @Transactional(readOnly = true)
    WarrantyAnswer check(@Valid @RequestBody WarrantyQuery query) {
        String serial = query.serialNumber() == null || query.serialNumber().isBlank() ? null : query.serialNumber().strip();
        LocalDate shipDate = query.shipDate();
        SalesChannel channel = query.salesChannel();
        Long customerId = null;
        if (serial != null) {
            if (shipDate != null || channel != null) {
                throw new InvalidInputException("serialNumber",
                        "Give either a serial number or a ship date and sales channel, not both");
            }
            String wanted = serial;
            var product = products.findBySerialNumber(wanted).orElseThrow(() -> new NotFoundException("Serial number", wanted));
            serial = product.serialNumber();
            shipDate = product.shipDate();
            channel = product.salesChannel();
            customerId = product.customerId();
        } else if (channel == null) {
            throw new InvalidInputException("salesChannel", "Give a serial number, or a sales channel (and the ship date)");
        }
        LocalDate on = query.on() == null ? archive.today() : query.on();
        var status = rules.status(shipDate, channel, on);
        var decision = rules.returnDecision(status, query.facts());
        var reasons = decision.reasons().stream().map(r -> new Reason(r, r.rule(), r.allows())).toList();
        return new WarrantyAnswer(serial, customerId, shipDate, channel, on, status.inWarranty(), status.until(),
                status.basis(), rules.charge(status, query.facts()), new ReturnAnswer(decision.allowed(), reasons));
    }
}
