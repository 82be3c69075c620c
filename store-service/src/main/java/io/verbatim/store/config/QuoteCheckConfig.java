package io.verbatim.store.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the quote check ({@code POST /api/quotes/check} and the check-a-quote page), prefix {@code verbatim.quotes}. */
@ConfigMapping(prefix = "verbatim.quotes")
public interface QuoteCheckConfig {

    /**
     * The score from which a passage is presented as what the quote renders ("said, with these differences");
     * below it the answer says that nothing stored matches closely and lists the nearest passages only as such.
     */
    @WithDefault("0.80")
    double threshold();

    /**
     * How many statements the full-text query keeps, best {@code ts_rank_cd} first, for the costlier trigram
     * {@code word_similarity}: bounds the work for a quote of common words that many statements hold.
     */
    @WithDefault("300")
    int fullTextCandidates();

    /**
     * pg_trgm's {@code word_similarity} of the quote with a statement that the full-text index found, below which
     * the statement is not a candidate.
     */
    @WithDefault("0.5")
    double candidateSimilarity();

    /** How many candidates, most similar by trigrams first, are aligned word by word. */
    @WithDefault("30")
    int candidates();
}
