package io.verbatim.parse.extract;

/**
 * A link of a page to a person's catalogue entry ({@code /catalog/persons/294} on kremlin.ru), as the page shows it.
 *
 * @param id           the number in the link's address ("294"), or null when the address has none
 * @param name         the link's visible text, without tooltips ("Mikhail Mishustin", "Mishustin Mikhail")
 * @param surnameFirst true for a link of the page's tag list, which writes the surname first ("Van der Bellen
 *                     Alexander", "Erdogan Recep Tayyip"); false for a link in the text, which writes names as they
 *                     are spoken ("Alexander Van der Bellen")
 */
record PersonLink(String id, String name, boolean surnameFirst) {
}
