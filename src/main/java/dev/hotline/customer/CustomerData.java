package dev.hotline.customer;

import dev.hotline.shared.CustomerTier;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A customer as written by an agent or an import file. Phone numbers in any written form; they are normalised to
 * E.164 before storing. A missing tier means REGULAR.
 */
record CustomerData(@NotBlank @Size(max = 200) String name,
                    @Size(max = 100) String contactPerson,
                    @NotNull @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 40) String> phones,
                    @Size(max = 500) String address,
                    @Email @Size(max = 254) String email,
                    CustomerTier tier,
                    @Size(max = 4000) String notes) {
}
