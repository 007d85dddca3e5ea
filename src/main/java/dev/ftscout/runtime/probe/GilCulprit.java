package dev.ftscout.runtime.probe;

import java.util.Optional;

/**
 * An extension module that turned the GIL back on, as CPython named it.
 *
 * @param module the dotted extension module name CPython reported (e.g. {@code lxml.etree})
 * @param distribution the distribution that installed it, when known
 * @param version that distribution's version
 * @param evidence the exact text: the RuntimeWarning line when it named this module, else the
 *     {@code -v} line, else a note that {@code sys._is_gil_enabled()} flipped
 */
public record GilCulprit(
    String module, Optional<String> distribution, Optional<String> version, String evidence) {}
