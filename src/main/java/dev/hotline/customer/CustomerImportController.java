package dev.hotline.customer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.hotline.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;

/**
 * CSV import of the archive (admins only): a multipart upload (part {@code file}) or a text/csv body, streamed to a
 * temporary file (a migration file of a million rows is some 100 MB). Answers when the whole file is stored; progress
 * is logged every 10 s.
 */
@Tag(name = "Customers")
@RestController
@RequestMapping("/api/customers/import")
class CustomerImportController {

    private final CustomerImport importer;

    CustomerImportController(CustomerImport importer) {
        this.importer = importer;
    }

    @Operation(summary = "Import customers and products from a CSV file (multipart, up to 200 MB)")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    ImportReport upload(@RequestParam("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw new InvalidInputException("file", "The uploaded file is empty");
        }
        return importer.importCsv(file.getInputStream());
    }

    @Operation(summary = "Import customers and products from a CSV body (no size limit)")
    @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize("hasRole('ADMIN')")
    ImportReport body(HttpServletRequest request) throws IOException {
        return importer.importCsv(request.getInputStream());
    }
}
