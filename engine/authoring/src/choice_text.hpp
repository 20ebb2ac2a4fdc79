// Private to the authoring library: choice and line text shortened for messages,
// reports and graph labels.
#pragma once

#include <string>
#include <string_view>

namespace frontline::authoring_detail {

/// The first `max_chars` characters of `text` (UTF-8 aware), with "..." when cut.
inline std::string shorten(std::string_view text, size_t max_chars) {
    size_t chars = 0, i = 0;
    while (i < text.size() && chars < max_chars) {
        auto c = static_cast<unsigned char>(text[i]);
        i += c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
        ++chars;
    }
    if (i >= text.size()) return std::string(text);
    std::string out(text.substr(0, i));
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "...";
}

/// `"text"` shortened to a message-friendly length.
inline std::string quoted_choice(std::string_view say) { return "\"" + shorten(say, 48) + "\""; }

}  // namespace frontline::authoring_detail
