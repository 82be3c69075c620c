package io.verbatim.parse.extract;

import io.verbatim.testsupport.HostileDocuments;
import io.verbatim.testsupport.HostileDocuments.HostileDocument;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every {@link HostileDocuments} shape through the extractor with the default bounds, in the JVM it is started
 * in (by {@link TranscriptExtractorSmallHeapTest}, with a small heap), and prints one tab-separated line per shape:
 * shape, outcome ({@code parsed}, {@code refused} or {@code failed}), milliseconds, peak heap in MB (the sum of the
 * heap pools' peaks since the shape began, an upper bound), and the kind or the reason. Arguments: the characters per
 * shape, the generator's seed and, optionally, the prefix of the shapes to run (all when absent).
 */
public final class HostileDocumentsRun {

    private HostileDocumentsRun() {
    }

    public static void main(String[] args) {
        int chars = Integer.parseInt(args[0]);
        long seed = Long.parseLong(args[1]);
        TranscriptExtractor extractor = new TranscriptExtractor();
        String prefix = args.length > 2 ? args[2] : "";
        List<HostileDocument> documents = new ArrayList<>(new HostileDocuments(seed).documents(chars,
                shape -> shape.startsWith(prefix)));
        System.out.println("documents\t" + documents.size());
        for (int i = 0; i < documents.size(); i++) {
            HostileDocument document = documents.get(i);
            documents.set(i, null); // the list no longer holds what has been parsed
            System.gc();
            List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
            pools.forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            String outcome;
            String detail;
            try {
                ExtractedTranscript result = extractor.extract(document.body(), document.contentType(), null);
                outcome = "parsed";
                detail = result.kind() + ", " + result.statements().size() + " statements";
            } catch (UnparseableDocumentException e) {
                outcome = "refused";
                detail = e.getMessage();
            } catch (Throwable e) {
                outcome = "failed";
                detail = e.toString();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            long peak = 0;
            for (MemoryPoolMXBean pool : pools) {
                if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.println(String.join("\t", document.shape(), outcome, Long.toString(millis),
                    Long.toString(peak >> 20), detail.replace('\t', ' ').replace('\n', ' ')));
        }
    }
}
