// Private to the reader: byte-level guards and a strict field reader over
// yaml-cpp nodes (types, ranges, duplicate and unknown keys, a node budget
// against alias bombs). Shared by the scenario and walkthrough readers.
#pragma once

#include "frontline/reader.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

namespace frontline::yaml_detail {

// --- byte-level guards -----------------------------------------------------------

/// 1-based line and column (in bytes) of offset `at`.
inline SourcePos position_of(std::string_view bytes, size_t at) {
    SourcePos p{1, 1};
    for (size_t i = 0; i < at && i < bytes.size(); ++i) {
        if (bytes[i] == '\n') {
            ++p.line;
            p.column = 1;
        } else {
            ++p.column;
        }
    }
    return p;
}

/// Length of a valid UTF-8 sequence at `i`, or 0 if invalid (overlongs and surrogates too).
inline size_t utf8_sequence(std::string_view s, size_t i) {
    auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = b(i);
    if (c < 0x80) return 1;
    size_t n;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) { n = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { n = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { n = 4; cp = c & 0x07; }
    else return 0;
    if (i + n > s.size()) return 0;
    for (size_t k = 1; k < n; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    static const uint32_t min_for_length[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_for_length[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

/// "UTF-16 (little-endian)" and the like when the file starts with a UTF-16 or UTF-32
/// byte order mark, else "".
inline std::string_view wide_encoding(std::string_view bytes) {
    auto starts = [&](std::string_view bom) { return bytes.substr(0, bom.size()) == bom; };
    using namespace std::string_view_literals;
    if (starts("\xFF\xFE\0\0"sv)) return "UTF-32 (little-endian)";
    if (starts("\0\0\xFE\xFF"sv)) return "UTF-32 (big-endian)";
    if (starts("\xFF\xFE"sv)) return "UTF-16 (little-endian)";
    if (starts("\xFE\xFF"sv)) return "UTF-16 (big-endian)";
    return {};
}

/// Rejects what yaml-cpp would silently accept or choke on. Returns false to stop.
inline bool guard_bytes(std::string_view bytes, DiagnosticList& diags) {
    if (bytes.size() > max_scenario_bytes) {
        diags.error(codes::file_too_large, {1, 1},
                    "the file is " + std::to_string(bytes.size() / 1024) + " KiB; scenario files may be at most " +
                        std::to_string(max_scenario_bytes / (1024 * 1024)) + " MiB");
        return false;
    }
    // Before the binary check: a file saved as UTF-16 is full of zero bytes, but it is text.
    if (std::string_view encoding = wide_encoding(bytes); !encoding.empty()) {
        diags.error(codes::utf16_or_utf32, {1, 1},
                    "the file is saved as " + std::string(encoding) +
                        "; save it as UTF-8 (in most editors: Save As, Encoding: UTF-8)");
        return false;
    }
    // Binary first: a file with control bytes is not text, and its UTF-8 errors would only be noise.
    for (size_t i = 0; i < bytes.size(); ++i) {
        auto c = static_cast<unsigned char>(bytes[i]);
        if (c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
            const char* hex = "0123456789abcdef";
            diags.error(codes::binary_data, position_of(bytes, i),
                        std::string("the file contains binary data (byte 0x") + hex[c >> 4] + hex[c & 15] +
                            "); is this really a scenario?");
            return false;
        }
    }
    int invalid = 0;
    int flow_depth = 0;
    char quote = 0;
    bool comment = false;
    for (size_t i = 0; i < bytes.size();) {
        auto c = static_cast<unsigned char>(bytes[i]);
        if (c >= 0x80) {
            size_t n = utf8_sequence(bytes, i);
            if (n == 0) {
                // All of them, up to a few: an editor with the wrong encoding breaks many lines at once.
                if (++invalid <= 10)
                    diags.error(codes::invalid_utf8, position_of(bytes, i), "invalid UTF-8; save the file as UTF-8");
                ++i;
                continue;
            }
            i += n;
            continue;
        }
        // A rough flow-nesting count ([ and { outside quotes and comments): yaml-cpp
        // recurses per level, so absurd nesting is refused before it parses.
        if (c == '\n') { comment = false; quote = quote == '"' ? quote : 0; }
        else if (comment) {}
        else if (quote) { if (c == static_cast<unsigned char>(quote)) quote = 0; }
        else if (c == '#' && (i == 0 || bytes[i - 1] == ' ' || bytes[i - 1] == '\t')) comment = true;
        else if (c == '"' || c == '\'') { if (i == 0 || bytes[i - 1] == ' ' || bytes[i - 1] == '[' || bytes[i - 1] == '{' || bytes[i - 1] == ',' || bytes[i - 1] == ':') quote = static_cast<char>(c); }
        else if (c == '[' || c == '{') {
            if (++flow_depth > max_yaml_depth) {
                diags.error(codes::nesting_too_deep, position_of(bytes, i),
                            "nesting is deeper than " + std::to_string(max_yaml_depth) + " levels");
                return false;
            }
        } else if ((c == ']' || c == '}') && flow_depth > 0) --flow_depth;
        ++i;
    }
    return invalid == 0;
}

// --- a bound on the YAML tree -----------------------------------------------------------

/// Counts values as yaml-cpp's event parser reports them and stops past the limit,
/// before any tree is built.
class ValueCounter : public YAML::EventHandler {
public:
    struct Full {
        YAML::Mark mark;
    };
    explicit ValueCounter(size_t limit) : limit_(limit) {}
    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& m, YAML::anchor_t) override { count(m); }
    void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { count(m); }
    void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t, const std::string&) override { count(m); }
    void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        count(m);
    }
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        count(m);
    }
    void OnMapEnd() override {}

private:
    void count(const YAML::Mark& m) {
        if (++values_ > limit_) throw Full{m};
    }
    size_t limit_;
    size_t values_ = 0;
};

/// Refuses a file holding more than max_yaml_values values (FL008). A value takes at
/// least half a byte ("a," in a flow mapping is a key and its empty value), so smaller
/// files skip the extra pass. Syntax errors are left to the real parse, which words them.
inline bool guard_yaml_values(std::string_view bytes, DiagnosticList& diags, size_t limit = max_yaml_values) {
    if (bytes.size() * 2 + 16 <= limit) return true;
    std::string text(bytes);
    std::istringstream in(text);
    ValueCounter counter(limit);
    try {
        YAML::Parser parser(in);
        while (parser.HandleNextDocument(counter)) {}
    } catch (const ValueCounter::Full& full) {
        diags.error(codes::too_many_yaml_values,
                    {static_cast<uint32_t>(std::max(0, full.mark.line) + 1),
                     static_cast<uint32_t>(std::max(0, full.mark.column) + 1)},
                    "the file holds more than " + std::to_string(limit) +
                        " values (texts, numbers, lists and mappings); "
                        "a scenario needs a few thousand: split it, or remove the generated parts");
        return false;
    } catch (const std::exception&) {
        return true;  // a syntax error: the real parse reports it in its words
    }
    return true;
}

// --- syntax errors in plain words ------------------------------------------------------

/// The innermost '[' or '{' still open at byte `end`, skipping quoted text and
/// comments; npos when every flow collection before it is closed.
inline size_t unclosed_flow_opener(std::string_view bytes, size_t end) {
    std::vector<size_t> open;
    char quote = 0;
    for (size_t i = 0; i < end && i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (quote) {
            if (c == quote && !(quote == '"' && i > 0 && bytes[i - 1] == '\\')) quote = 0;
            else if (c == '\n' && open.empty()) quote = 0;  // a plain apostrophe outside any list
            continue;
        }
        if (c == '#' && (i == 0 || bytes[i - 1] == ' ' || bytes[i - 1] == '\t' || bytes[i - 1] == '\n')) {
            while (i < end && bytes[i] != '\n') ++i;
            continue;
        }
        if ((c == '"' || c == '\'') && (i == 0 || std::string_view(" \t[{,:\n").find(bytes[i - 1]) != std::string_view::npos)) quote = c;
        else if (c == '[' || c == '{') open.push_back(i);
        else if ((c == ']' || c == '}') && !open.empty()) open.pop_back();
    }
    return open.empty() ? std::string_view::npos : open.back();
}

/// Reports a YAML syntax error as an author can act on it: an unclosed list or mapping
/// at the bracket that opened it (yaml-cpp notices only lines later), tabs used for
/// indentation as tabs; anything else in yaml-cpp's words at its position.
inline void report_syntax_error(std::string_view bytes, const YAML::Mark& mark, const std::string& message,
                                DiagnosticList& diags) {
    const SourcePos at{static_cast<uint32_t>(std::max(0, mark.line) + 1), static_cast<uint32_t>(std::max(0, mark.column) + 1)};
    if (message.find("flow not found") != std::string::npos || message.find("end of sequence flow") != std::string::npos ||
        message.find("end of map flow") != std::string::npos) {
        const size_t opener = unclosed_flow_opener(bytes, mark.pos < 0 ? bytes.size() : static_cast<size_t>(mark.pos));
        if (opener != std::string_view::npos) {
            const bool list = bytes[opener] == '[';
            diags.error(codes::yaml_syntax, position_of(bytes, opener),
                        std::string(list ? "this list, opened with '[', is never closed: add ']' at its end"
                                         : "this mapping, opened with '{', is never closed: add '}' at its end") +
                            " (the YAML reader reached line " + std::to_string(at.line) + ", column " +
                            std::to_string(at.column) + " still looking for it)");
            return;
        }
    }
    // A tab in the indentation of the line the error is on.
    const size_t error_at = std::min(bytes.size(), static_cast<size_t>(std::max(0, mark.pos)));
    const size_t newline = error_at == 0 ? std::string_view::npos : bytes.rfind('\n', error_at - 1);
    for (size_t i = newline == std::string_view::npos ? 0 : newline + 1; i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\t'); ++i) {
        if (bytes[i] != '\t') continue;
        diags.error(codes::yaml_syntax, position_of(bytes, i),
                    "a tab character indents this line: YAML indents with spaces only; replace the tabs with spaces "
                    "(yaml-cpp says: " +
                        message + ")");
        return;
    }
    diags.error(codes::yaml_syntax, at, "YAML syntax: " + message);
}

// --- strict field reading --------------------------------------------------------

inline SourcePos pos_of(const YAML::Node& n) {
    // yaml-cpp marks are 0-based; this is the one place they become 1-based.
    const YAML::Mark m = n.Mark();
    if (m.line < 0 || m.column < 0) return {};
    return {static_cast<uint32_t>(m.line + 1), static_cast<uint32_t>(m.column + 1)};
}

/// Where the text of a scalar starts: one column later when it is quoted.
inline SourcePos text_pos_of(const YAML::Node& n) {
    SourcePos p = pos_of(n);
    if (n.Tag() == "!" && p.line > 0) p.column += 1;
    return p;
}

inline std::string kind_name(const YAML::Node& n) {
    switch (n.Type()) {
        case YAML::NodeType::Map: return "a mapping";
        case YAML::NodeType::Sequence: return "a list";
        case YAML::NodeType::Null: return "nothing";
        case YAML::NodeType::Scalar: return "'" + n.Scalar().substr(0, 40) + "'";
        default: return "nothing";
    }
}

class FieldReader {
public:
    FieldReader(DiagnosticList& diags, size_t budget) : diags_(diags), budget_(budget) {}

    DiagnosticList& diags() { return diags_; }
    bool over_budget() const { return over_budget_; }

    /// Counts nodes visited; aliases make a small file expand, so the walk is bounded.
    bool visit(const YAML::Node& n) {
        if (++visited_ <= budget_) return true;
        if (!over_budget_) {
            over_budget_ = true;
            diags_.error(codes::alias_expansion, pos_of(n),
                         "the file expands to more than " + std::to_string(budget_) +
                             " values for its size (aliases that repeat large parts?); write the parts out");
        }
        return false;
    }

    /// A mapping's entries, after reporting duplicate and unknown keys.
    std::vector<std::pair<YAML::Node, YAML::Node>> entries(const YAML::Node& map, const std::vector<std::string>& known,
                                                           std::string_view where) {
        std::vector<std::pair<YAML::Node, YAML::Node>> out;
        // Most mappings are small, where a linear scan beats hashing; `nodes:` can
        // hold thousands of keys, where it would be quadratic.
        std::vector<std::string_view> seen;
        std::unordered_set<std::string_view> seen_many;
        const bool large = map.size() > 16;
        auto already_seen = [&](std::string_view name) {
            if (large) return !seen_many.insert(name).second;
            if (std::find(seen.begin(), seen.end(), name) != seen.end()) return true;
            seen.push_back(name);
            return false;
        };
        for (auto it = map.begin(); it != map.end(); ++it) {
            // Copies, not references: yaml-cpp's iterator hands out a temporary pair.
            const YAML::Node key = it->first;
            if (!visit(key)) break;
            if (!key.IsScalar()) {
                diags_.error(codes::wrong_type, pos_of(key), "keys must be plain words, found " + kind_name(key));
                continue;
            }
            const std::string& name = key.Scalar();
            if (already_seen(name)) {
                diags_.error(codes::duplicate_key, pos_of(key),
                             "duplicate key '" + name + "'" + (where.empty() ? "" : " in " + std::string(where)) +
                                 "; only the first is used");
                continue;
            }
            if (!known.empty() && std::find(known.begin(), known.end(), name) == known.end()) {
                diags_.warning(codes::unknown_key, pos_of(key),
                               "unknown key '" + name + "'" + (where.empty() ? "" : " in " + std::string(where)) +
                                   diags_.did_you_mean(name, known) + "; it is ignored");
                continue;
            }
            out.emplace_back(key, YAML::Node(it->second));
        }
        return out;
    }

    std::optional<std::string> text(const YAML::Node& n, std::string_view what) {
        if (n.IsScalar()) return n.Scalar();
        diags_.error(codes::wrong_type, pos_of(n), "'" + std::string(what) + "' should be text, found " + kind_name(n));
        return std::nullopt;
    }

    std::optional<int64_t> integer(const YAML::Node& n, std::string_view what, int64_t min, int64_t max) {
        if (!n.IsScalar()) {
            diags_.error(codes::wrong_type, pos_of(n),
                         "'" + std::string(what) + "' should be a whole number, found " + kind_name(n));
            return std::nullopt;
        }
        const std::string& s = n.Scalar();
        int64_t v = 0;
        const char* first = s.data();
        if (!s.empty() && s[0] == '+') ++first;
        auto [ptr, ec] = std::from_chars(first, s.data() + s.size(), v);
        if (ec == std::errc::result_out_of_range) {
            diags_.error(codes::out_of_range, pos_of(n),
                         "'" + std::string(what) + "' is " + s + ", outside " + std::to_string(min) + ".." +
                             std::to_string(max));
            return std::nullopt;
        }
        if (ec != std::errc{} || ptr != s.data() + s.size() || s.empty()) {
            diags_.error(codes::wrong_type, pos_of(n),
                         "'" + std::string(what) + "' should be a whole number, found " + kind_name(n));
            return std::nullopt;
        }
        if (v < min || v > max) {
            diags_.error(codes::out_of_range, pos_of(n),
                         "'" + std::string(what) + "' is " + s + ", outside " + std::to_string(min) + ".." +
                             std::to_string(max));
            return std::nullopt;
        }
        return v;
    }

    std::optional<double> number(const YAML::Node& n, std::string_view what, double min, double max) {
        if (n.IsScalar()) {
            try {
                size_t used = 0;
                double v = std::stod(n.Scalar(), &used);
                if (used == n.Scalar().size()) {
                    if (v < min || v > max) {
                        diags_.error(codes::out_of_range, pos_of(n),
                                     "'" + std::string(what) + "' is " + n.Scalar() + ", outside " +
                                         std::to_string(static_cast<int>(min)) + ".." +
                                         std::to_string(static_cast<int>(max)));
                        return std::nullopt;
                    }
                    return v;
                }
            } catch (const std::exception&) {
            }
        }
        diags_.error(codes::wrong_type, pos_of(n),
                     "'" + std::string(what) + "' should be a number, found " + kind_name(n));
        return std::nullopt;
    }

    std::optional<bool> boolean(const YAML::Node& n, std::string_view what) {
        if (n.IsScalar() && n.Tag() != "!") {
            const std::string& s = n.Scalar();
            if (s == "true") return true;
            if (s == "false") return false;
        }
        diags_.error(codes::wrong_type, pos_of(n),
                     "'" + std::string(what) + "' should be true or false, found " + kind_name(n));
        return std::nullopt;
    }

    /// A list of text items; a single text is accepted as a list of one.
    std::vector<std::string> text_list(const YAML::Node& n, std::string_view what) {
        std::vector<std::string> out;
        if (n.IsScalar()) {
            out.push_back(n.Scalar());
            return out;
        }
        if (!n.IsSequence()) {
            diags_.error(codes::wrong_type, pos_of(n),
                         "'" + std::string(what) + "' should be a list, found " + kind_name(n));
            return out;
        }
        for (const auto& item : n) {
            if (!visit(item)) break;
            if (auto t = text(item, what)) out.push_back(std::move(*t));
        }
        return out;
    }

    bool is_map(const YAML::Node& n, std::string_view what) {
        if (n.IsMap()) return true;
        diags_.error(codes::wrong_type, pos_of(n),
                     "'" + std::string(what) + "' should be a mapping of keys, found " + kind_name(n));
        return false;
    }

    bool is_list(const YAML::Node& n, std::string_view what) {
        if (n.IsSequence()) return true;
        diags_.error(codes::wrong_type, pos_of(n),
                     "'" + std::string(what) + "' should be a list, found " + kind_name(n));
        return false;
    }

    void missing(SourcePos at, std::string_view key, std::string_view where) {
        diags_.error(
            codes::missing_key, at,
            "missing required key '" + std::string(key) + "'" + (where.empty() ? "" : " in " + std::string(where)));
    }

private:
    DiagnosticList& diags_;
    size_t budget_;
    size_t visited_ = 0;
    bool over_budget_ = false;
};

/// Looks up a key among already-validated entries.
inline const YAML::Node* find(const std::vector<std::pair<YAML::Node, YAML::Node>>& entries, std::string_view key) {
    for (const auto& [k, v] : entries)
        if (k.Scalar() == key) return &v;
    return nullptr;
}

inline bool valid_id(std::string_view s, bool allow_underscore) {
    if (s.empty() || s.size() > 64) return false;
    for (char c : s) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || (allow_underscore && (c == '_' || (c >= 'A' && c <= 'Z')));
        if (!ok) return false;
    }
    return true;
}

inline bool valid_var_name(std::string_view s) {
    if (s.empty() || s.size() > 64 || !((s[0] >= 'a' && s[0] <= 'z') || s[0] == '_')) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}


}  // namespace frontline::yaml_detail
