package dev.hotline.telephony.asterisk;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The provider library stays at the edge: only this package may use asterisk-java. */
class AsteriskConfinementTests {

    @Test
    void onlyTheAsteriskAdapterImportsAsteriskJava() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.hotline");
        noClasses().that().resideOutsideOfPackage("dev.hotline.telephony.asterisk..")
                .should().dependOnClassesThat().resideInAPackage("org.asteriskjava..")
                .check(classes);
    }
}
