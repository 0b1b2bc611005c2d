package dev.hotline.customer;

import dev.hotline.shared.InvalidInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * An uploaded import file, spooled to a temporary file so that an archive of millions of rows is never held in
 * memory. It is read twice: {@link #check()} refuses a malformed file as a whole (not UTF-8, wrong header, broken
 * CSV) before anything is stored, then {@link #forEachBatch} hands the rows over a batch at a time.
 */
final class ImportFile implements AutoCloseable {

    private final Path path;

    private ImportFile(Path path) {
        this.path = path;
    }

    static ImportFile spool(InputStream upload) throws IOException {
        Path path = Files.createTempFile("hotline-customer-import-", ".csv");
        try (upload) {
            Files.copy(upload, path, StandardCopyOption.REPLACE_EXISTING);
            return new ImportFile(path);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(path);
            throw e;
        }
    }

    /** Reads the whole file once; returns its number of rows. */
    int check() {
        int[] rows = {0};
        read((line, record) -> rows[0]++);
        return rows[0];
    }

    void forEachBatch(int size, Consumer<List<ImportRow>> batches) {
        List<ImportRow> batch = new ArrayList<>();
        read((line, record) -> {
            batch.add(new ImportRow(line, record));
            if (batch.size() >= size) {
                batches.accept(List.copyOf(batch));
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            batches.accept(List.copyOf(batch));
        }
    }

    private interface RowVisitor {
        void visit(long line, CSVRecord record);
    }

    /** Only reading and parsing errors become "invalid file"; what the visitor throws passes through. */
    private void read(RowVisitor visitor) {
        var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true)
                .setTrim(true).setIgnoreEmptyLines(true)
                // a column named twice would let one of the two values win unseen
                .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.DISALLOW).get();
        try (CSVParser parser = parser(format)) {
            checkHeader(parser.getHeaderNames());
            Iterator<CSVRecord> records = parser.iterator();
            long linesRead = parser.getCurrentLineNumber();
            while (hasNext(records)) {
                visitor.visit(linesRead + 1, records.next());
                linesRead = parser.getCurrentLineNumber();
            }
        } catch (IOException e) {
            throw invalid(e);
        }
    }

    private CSVParser parser(CSVFormat format) {
        try {
            return CSVParser.parse(open(), format);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw invalid(e);
        }
    }

    private static boolean hasNext(Iterator<CSVRecord> records) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw invalid(e);
        }
    }

    private static InvalidInputException invalid(Exception e) {
        if (e instanceof CharacterCodingException || e.getCause() instanceof CharacterCodingException) {
            return new InvalidInputException("file", "The file is not UTF-8 text");
        }
        return new InvalidInputException("file", "The file is not valid CSV: " + e.getMessage());
    }

    /** Strict UTF-8 (a file in another encoding would store garbled Chinese names), without a byte order mark. */
    private Reader open() throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var reader = new PushbackReader(new BufferedReader(new InputStreamReader(Files.newInputStream(path), decoder),
                1 << 16));
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    private static void checkHeader(List<String> header) {
        if (header.isEmpty()) {
            throw new InvalidInputException("file", "The file is empty; the first line must be the header "
                    + ImportRow.COLUMNS);
        }
        Set<String> names = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        var missing = ImportRow.COLUMNS.stream().filter(c -> !names.contains(c)).toList();
        var unknown = names.stream().filter(n -> !ImportRow.COLUMNS.contains(n)).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new InvalidInputException("file", "The header must name the columns " + ImportRow.COLUMNS
                    + " (any order); missing " + missing + ", unknown " + unknown);
        }
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(path);
    }
}
