package dev.hotline.customer;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A product as registered by an agent or an import file. Without a ship date it is out of warranty (001 §8). */
record ProductData(@NotBlank @Size(max = 100) String model,
                   @NotBlank @Size(max = 100) String serialNumber,
                   @PastOrPresent LocalDate shipDate,
                   @PastOrPresent LocalDate purchaseDate,
                   @NotNull SalesChannel salesChannel,
                   @Min(1) @Max(1_000_000) Integer quantity) {
}
