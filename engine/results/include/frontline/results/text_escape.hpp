// Escaping text for the places results go: HTML and XML (the report, cmi5.xml), URLs
// (query parameters, IRI segments) and LRS endpoints. One copy for the results
// library, the CLI and the browser build.
#pragma once

#include <string>
#include <string_view>

namespace frontline::results {

/// &, <, >, " and ' as entities: safe in HTML and XML text and in quoted attributes.
std::string html_escaped(std::string_view text);

/// RFC 3986 percent-encoding: everything but letters, digits and -._~ as %XX (upper
/// case), byte by byte (UTF-8 stays UTF-8 once decoded). Safe as a query value or
/// as one path segment of an IRI.
std::string percent_encoded(std::string_view text);

/// application/x-www-form-urlencoded decoding: %XX, and '+' for a space. A '%' not
/// followed by two hex digits is kept as it is.
std::string percent_decoded(std::string_view text);

/// The address without its trailing slashes ("https://lrs.example/xAPI/" ->
/// "https://lrs.example/xAPI"), so that "/statements" can be appended.
std::string without_trailing_slashes(std::string_view address);

}  // namespace frontline::results
