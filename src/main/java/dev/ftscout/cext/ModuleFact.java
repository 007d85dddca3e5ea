package dev.ftscout.cext;

import dev.ftscout.model.ExtensionModule;

/**
 * An extension module found in the sources, and where its GIL-free declaration belongs (the slot
 * array, the {@code PyInit_} function, the {@code .pyx} header, the build call): the place a fix
 * goes and a finding points at.
 *
 * @param module the module and its declaration
 * @param sitePath file of the declaration site
 * @param siteLine line of the declaration site
 * @param siteColumn column of the declaration site
 */
public record ModuleFact(ExtensionModule module, String sitePath, int siteLine, int siteColumn) {}
