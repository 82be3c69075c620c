package io.verbatim.events;

/**
 * The version of the event contract. Every record also carries it in the {@link #HEADER} header.
 * Within a major version fields are only ever added; a breaking change gets new topics.
 */
public final class ContractVersion {

    public static final String HEADER = "verbatim-contract-version";
    public static final String CURRENT = "1";

    private ContractVersion() {
    }
}
