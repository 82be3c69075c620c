package io.verbatim.parse.extract;

/**
 * A speaker label split into its parts.
 *
 * @param verbatim   the label as it appears in the document, without the colon
 * @param name       the name part ("Vladimir Putin", "Question", "Ms. Psaki")
 * @param role       the office before the name ("President of Russia"), or null
 * @param annotation the note between name and colon without brackets ("retranslated"), or null
 * @param unnamed    true for generic labels such as "Question" or "Remark" that never denote one person
 * @param office     true for an office named without its holder ("Mr Speaker", "The Prime Minister"): the office is
 *                   the speaker, unless another label of the document names its holder
 */
record SpeakerLabel(String verbatim, String name, String role, String annotation, boolean unnamed, boolean office) {
}
