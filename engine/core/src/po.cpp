// .po files: a line-by-line reader (comments, keywords, continued strings, obsolete
// "#~" entries), a writer in the form msgfmt and msgmerge expect, and the lookup tables.
#include "frontline/po.hpp"

#include <algorithm>
#include <set>

namespace frontline {

bool PoEntry::fuzzy() const {
    for (const auto& f : flags)
        if (f == "fuzzy") return true;
    return false;
}

const std::string& PoEntry::translation() const {
    static const std::string none;
    return translations.empty() ? none : translations.front();
}

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

/// The contents of a C string literal `"..."`, escapes resolved; nullopt + message when bad.
std::optional<std::string> unquote(std::string_view s, std::string& error) {
    s = trim(s);
    if (s.size() < 2 || s.front() != '"') {
        error = "expected a string in double quotes";
        return std::nullopt;
    }
    std::string out;
    size_t i = 1;
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (c == '"') break;
        if (c != '\\') {
            out += c;
            continue;
        }
        if (++i >= s.size()) break;
        switch (char e = s[i]) {
            case 'n': out += '\n'; break;
            case 't': out += '\t'; break;
            case 'r': out += '\r'; break;
            case 'a': out += '\a'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'v': out += '\v'; break;
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '\'': out += '\''; break;
            case '?': out += '?'; break;
            default:
                if (e >= '0' && e <= '7') {
                    int v = 0, n = 0;
                    while (n < 3 && i < s.size() && s[i] >= '0' && s[i] <= '7') v = v * 8 + (s[i++] - '0'), ++n;
                    --i;
                    out += static_cast<char>(v);
                } else {
                    error = std::string("unknown escape '\\") + e + "'";
                    return std::nullopt;
                }
        }
    }
    if (i >= s.size()) {
        error = "the string is not closed with '\"'";
        return std::nullopt;
    }
    if (i + 1 != s.size()) {
        error = "unexpected text after the closing '\"'";
        return std::nullopt;
    }
    return out;
}

class PoReader {
public:
    explicit PoReader(std::vector<PoError>& errors) : errors_(errors) {}

    std::optional<PoFile> read(std::string_view text) {
        uint32_t line_no = 0;
        while (!text.empty()) {
            size_t nl = text.find('\n');
            std::string_view line = text.substr(0, nl);
            text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
            ++line_no;
            if (line_no == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
            line_ = line_no;
            read_line(trim(line));
            if (errors_.size() >= 20) break;
        }
        finish();
        if (!errors_.empty()) return std::nullopt;
        return std::move(po_);
    }

private:
    enum class Phase { none, context, id, plural, translation };

    void error(std::string message) { errors_.push_back({line_, std::move(message)}); }

    void read_line(std::string_view line) {
        if (line.empty()) {
            finish();
            return;
        }
        bool obsolete = false;
        if (line.substr(0, 2) == "#~") {
            line = trim(line.substr(2));
            if (!line.empty() && line.front() == '|') return;  // previous msgid of an obsolete entry
            obsolete = true;
            if (line.empty()) return;
        } else if (line.front() == '#') {
            if (phase_ == Phase::translation) finish();
            comment(line);
            return;
        }
        if (line.front() == '"') {
            if (!target_) return error("a continued string with no keyword before it");
            std::string why;
            if (auto s = unquote(line, why)) *target_ += *s;
            else error(why);
            return;
        }
        size_t space = line.find_first_of(" \t");
        std::string_view keyword = line.substr(0, space);
        std::string_view rest = space == std::string_view::npos ? std::string_view{} : line.substr(space);
        keyword_line(keyword, rest);
        if (obsolete) entry_.obsolete = true;
    }

    void keyword_line(std::string_view keyword, std::string_view rest) {
        if (keyword == "msgctxt") {
            if (phase_ == Phase::translation) finish();
            else if (phase_ != Phase::none)
                return error("msgctxt in the middle of an entry (a msgstr is missing before it)");
            entry_.has_context = true;
            if (entry_.line == 0) entry_.line = line_;
            set(Phase::context, entry_.context, rest);
        } else if (keyword == "msgid") {
            if (phase_ == Phase::translation) finish();
            else if (phase_ != Phase::none && phase_ != Phase::context)
                return error("msgid in the middle of an entry (a msgstr is missing before it)");
            if (entry_.line == 0) entry_.line = line_;
            set(Phase::id, entry_.id, rest);
        } else if (keyword == "msgid_plural") {
            if (phase_ != Phase::id) return error("msgid_plural must follow a msgid");
            set(Phase::plural, entry_.plural, rest);
        } else if (keyword == "msgstr" || keyword.substr(0, 7) == "msgstr[") {
            if (phase_ != Phase::id && phase_ != Phase::plural && phase_ != Phase::translation)
                return error("msgstr without a msgid before it");
            if (keyword == "msgstr" && (phase_ == Phase::plural || !entry_.plural.empty()))
                return error("an entry with msgid_plural needs msgstr[0], msgstr[1]...");
            if (keyword != "msgstr") {
                if (entry_.plural.empty()) return error("msgstr[N] without msgid_plural");
                if (keyword != "msgstr[" + std::to_string(entry_.translations.size()) + "]")
                    return error("expected msgstr[" + std::to_string(entry_.translations.size()) + "]");
            } else if (phase_ == Phase::translation) {
                return error("a second msgstr in one entry");
            }
            entry_.translations.emplace_back();
            set(Phase::translation, entry_.translations.back(), rest);
        } else {
            error("unknown keyword '" + std::string(keyword.substr(0, 32)) +
                  "' (expected msgctxt, msgid, msgid_plural or msgstr)");
        }
    }

    void set(Phase phase, std::string& target, std::string_view quoted) {
        phase_ = phase;
        target_ = &target;
        std::string why;
        if (auto s = unquote(quoted, why)) target = *s;
        else error(why);
    }

    void comment(std::string_view line) {
        auto body = [&](size_t skip) { return std::string(trim(line.substr(std::min(skip, line.size())))); };
        if (entry_.line == 0) entry_.line = line_;
        if (line.substr(0, 2) == "#.") entry_.extracted.push_back(body(2));
        else if (line.substr(0, 2) == "#:") entry_.references.push_back(body(2));
        else if (line.substr(0, 2) == "#|") return;  // previous msgid, for fuzzy entries
        else if (line.substr(0, 2) == "#,") {
            std::string_view flags = line.substr(2);
            while (!flags.empty()) {
                size_t comma = flags.find(',');
                std::string_view f = trim(flags.substr(0, comma));
                if (!f.empty()) entry_.flags.emplace_back(f);
                flags = comma == std::string_view::npos ? std::string_view{} : flags.substr(comma + 1);
            }
        } else entry_.comments.push_back(body(1));
    }

    void finish() {
        if (phase_ == Phase::none) {
            // Comments with no entry after them (the end of the file) are dropped.
            entry_ = PoEntry{};
            return;
        }
        if (phase_ != Phase::translation) {
            error("the entry that starts at line " + std::to_string(entry_.line) + " has no msgstr");
        } else if (!entry_.has_context && entry_.id.empty() && !entry_.obsolete) {
            if (seen_header_) error("a second header entry (an empty msgid)");
            seen_header_ = true;
            po_.header = entry_.translation();
        } else if (!entry_.obsolete &&
                   !keys_.emplace(entry_.has_context ? entry_.context : std::string("\x04none"), entry_.id).second) {
            errors_.push_back(
                {entry_.line,
                 "duplicate message definition" +
                     (entry_.has_context ? " (msgctxt \"" + entry_.context.substr(0, 64) + "\")" : std::string())});
        } else {
            po_.entries.push_back(std::move(entry_));
        }
        entry_ = PoEntry{};
        phase_ = Phase::none;
        target_ = nullptr;
    }

    std::vector<PoError>& errors_;
    PoFile po_;
    PoEntry entry_;
    Phase phase_ = Phase::none;
    std::string* target_ = nullptr;
    uint32_t line_ = 0;
    bool seen_header_ = false;
    std::set<std::pair<std::string, std::string>> keys_;
};

/// A keyword and its string, split after each "\n" the way gettext's tools write them.
void write_string(std::string& out, std::string_view prefix, std::string_view keyword, const std::string& text) {
    size_t nl = text.find('\n');
    if (nl == std::string::npos || nl + 1 == text.size()) {
        out += std::string(prefix) + std::string(keyword) + " " + po_quote(text) + "\n";
        return;
    }
    out += std::string(prefix) + std::string(keyword) + " \"\"\n";
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        end = end == std::string::npos ? text.size() : end + 1;
        out += std::string(prefix) + po_quote(std::string_view(text).substr(start, end - start)) + "\n";
        start = end;
    }
}

}  // namespace

std::optional<PoFile> parse_po(std::string_view text, std::vector<PoError>& errors) {
    return PoReader(errors).read(text);
}

std::string format_po_error(const std::string& file, const PoError& e) {
    return file + ":" + std::to_string(e.line) + ": error: " + e.message;
}

std::string po_quote(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            default: out += c;
        }
    }
    return out + "\"";
}

std::string po_header(std::string_view project, std::string_view language) {
    return "Project-Id-Version: " + std::string(project) + "\n" + "PO-Revision-Date: 2026-01-01 00:00+0000\n" +
           "Last-Translator: none\n" + "Language-Team: none\n" +
           (language.empty() ? std::string() : "Language: " + std::string(language) + "\n") + "MIME-Version: 1.0\n" +
           "Content-Type: text/plain; charset=UTF-8\n" + "Content-Transfer-Encoding: 8bit\n";
}

std::string write_po(const PoFile& po) {
    std::string out;
    write_string(out, "", "msgid", "");
    write_string(out, "", "msgstr", po.header);
    for (const auto& e : po.entries) {
        out += "\n";
        for (const auto& c : e.comments) out += "# " + c + "\n";
        for (const auto& c : e.extracted) out += "#. " + c + "\n";
        for (const auto& r : e.references) out += "#: " + r + "\n";
        if (!e.flags.empty()) {
            out += "#,";
            for (size_t i = 0; i < e.flags.size(); ++i) out += (i ? ", " : " ") + e.flags[i];
            out += "\n";
        }
        const char* prefix = e.obsolete ? "#~ " : "";
        if (e.has_context) write_string(out, prefix, "msgctxt", e.context);
        write_string(out, prefix, "msgid", e.id);
        if (!e.plural.empty()) {
            write_string(out, prefix, "msgid_plural", e.plural);
            for (size_t i = 0; i < std::max<size_t>(2, e.translations.size()); ++i)
                write_string(out, prefix, "msgstr[" + std::to_string(i) + "]",
                             i < e.translations.size() ? e.translations[i] : std::string());
        } else {
            write_string(out, prefix, "msgstr", e.translation());
        }
    }
    return out;
}

Catalogue::Catalogue(const PoFile& po) {
    for (const auto& e : po.entries) {
        if (e.obsolete || e.fuzzy() || e.translation().empty()) continue;
        if (e.has_context) by_context_[e.context] = {e.id, e.translation()};
        else by_english_[e.id] = e.translation();
        if (!e.has_context && !e.plural.empty() &&
            std::none_of(e.translations.begin(), e.translations.end(), [](const std::string& t) { return t.empty(); }))
            by_plural_[e.id] = e.translations;
    }
    plural_rule_ = plural_rule_of(po.header);
    if (!plural_rule_.empty() && !evaluate_plural_rule(plural_rule_, 1)) {
        plural_rule_broken_ = true;
        plural_rule_.clear();
    }
}

unsigned long Catalogue::plural_index(unsigned long n) const {
    if (!plural_rule_.empty())
        if (auto i = evaluate_plural_rule(plural_rule_, n)) return *i;
    return n == 1 ? 0 : 1;
}

std::string_view Catalogue::ui_n(std::string_view singular, std::string_view plural, unsigned long n) const {
    auto it = by_plural_.find(std::string(singular));
    if (it != by_plural_.end()) {
        const unsigned long i = plural_index(n);
        if (i < it->second.size()) return it->second[i];
    }
    return n == 1 ? singular : plural;
}

std::string plural_rule_of(std::string_view header) {
    size_t at = header.find("Plural-Forms:");
    if (at == std::string_view::npos) return "";
    std::string_view line = header.substr(at);
    line = line.substr(0, line.find('\n'));
    size_t p = line.find("plural=");
    if (p == std::string_view::npos) return "";
    line.remove_prefix(p + 7);
    line = line.substr(0, line.find(';'));
    return std::string(trim(line));
}

namespace {

/// A recursive-descent reader of gettext's plural expressions (a subset of C).
class PluralExpression {
public:
    PluralExpression(std::string_view text, unsigned long n) : text_(text), n_(n) {}
    std::optional<unsigned long> evaluate() {
        auto v = conditional();
        skip_space();
        if (!v || pos_ != text_.size()) return std::nullopt;
        return v;
    }

private:
    std::string_view text_;
    unsigned long n_;
    size_t pos_ = 0;
    int depth_ = 0;

    void skip_space() {
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
    }
    bool take(std::string_view op) {
        skip_space();
        if (text_.substr(pos_, op.size()) != op) return false;
        // "<" must not take the first half of "<=", "!" not of "!=".
        if (op.size() == 1 && pos_ + 1 < text_.size() && text_[pos_ + 1] == '=' &&
            (op == "<" || op == ">" || op == "!" || op == "="))
            return false;
        pos_ += op.size();
        return true;
    }
    std::optional<unsigned long> conditional() {
        if (++depth_ > 64) return std::nullopt;  // hostile nesting
        auto c = binary(0);
        if (c && take("?")) {
            auto a = conditional();
            if (!a || !take(":")) return std::nullopt;
            auto b = conditional();
            if (!b) return std::nullopt;
            c = *c ? *a : *b;
        }
        --depth_;
        return c;
    }
    // Precedence levels, loosest first.
    std::optional<unsigned long> binary(int level) {
        static constexpr std::string_view levels[][4] = {
            {"||"}, {"&&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"+", "-"}, {"*", "/", "%"}};
        if (level == 6) return unary();
        auto left = binary(level + 1);
        while (left) {
            std::string_view matched;
            for (std::string_view op : levels[level])
                if (!op.empty() && take(op)) {
                    matched = op;
                    break;
                }
            if (matched.empty()) break;
            auto right = binary(level + 1);
            if (!right) return std::nullopt;
            const unsigned long a = *left, b = *right;
            if (matched == "||") left = (a || b) ? 1 : 0;
            else if (matched == "&&") left = (a && b) ? 1 : 0;
            else if (matched == "==") left = a == b;
            else if (matched == "!=") left = a != b;
            else if (matched == "<=") left = a <= b;
            else if (matched == ">=") left = a >= b;
            else if (matched == "<") left = a < b;
            else if (matched == ">") left = a > b;
            else if (matched == "+") left = a + b;
            else if (matched == "-") left = a - b;
            else if (matched == "*") left = a * b;
            else if (b == 0) return std::nullopt;
            else if (matched == "/") left = a / b;
            else left = a % b;
        }
        return left;
    }
    std::optional<unsigned long> unary() {
        if (take("!")) {
            auto v = unary();
            if (!v) return std::nullopt;
            return *v ? 0UL : 1UL;
        }
        if (take("(")) {
            auto v = conditional();
            if (!v || !take(")")) return std::nullopt;
            return v;
        }
        skip_space();
        if (pos_ < text_.size() && text_[pos_] == 'n') {
            ++pos_;
            return n_;
        }
        if (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
            unsigned long v = 0;
            while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') v = v * 10 + (text_[pos_++] - '0');
            return v;
        }
        return std::nullopt;
    }
};

}  // namespace

std::optional<unsigned long> evaluate_plural_rule(std::string_view expression, unsigned long n) {
    return PluralExpression(expression, n).evaluate();
}

Catalogue::Lookup Catalogue::line(std::string_view id, std::string_view source) const {
    auto it = by_context_.find(std::string(id));
    if (it == by_context_.end()) return {};
    if (it->second.source != source) return {State::stale, nullptr};
    return {State::translated, &it->second.text};
}

const std::string& Catalogue::ui(const std::string& english) const {
    auto it = by_english_.find(english);
    return it == by_english_.end() ? english : it->second;
}

std::string_view Catalogue::ui(std::string_view english) const {
    auto it = by_english_.find(std::string(english));
    return it == by_english_.end() ? english : std::string_view(it->second);
}

}  // namespace frontline
