// Reading Twine stories. Sections: text helpers, Twee 3 (headers, StoryTitle,
// StoryData), Twine 2 HTML (elements, attributes, entities), links.
#include "frontline/twine_import.hpp"

#include <algorithm>
#include <set>

namespace frontline {

namespace {

// --- text helpers ------------------------------------------------------------------

std::string trim(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n')) --e;
    return std::string(s.substr(b, e - b));
}

/// 1-based line and column of byte offsets met in increasing order: each call walks
/// on from the last, so a text with many positions to report costs one pass, not one
/// pass per position (a passage with 32,000 links took a minute the other way).
class PositionCursor {
public:
    explicit PositionCursor(std::string_view text, uint32_t first_line = 1) : text_(text), pos_{first_line, 1} {}
    SourcePos at(size_t target) {
        for (; at_ < target && at_ < text_.size(); ++at_) {
            if (text_[at_] == '\n') {
                ++pos_.line;
                pos_.column = 1;
            } else {
                ++pos_.column;
            }
        }
        return pos_;
    }

private:
    std::string_view text_;
    size_t at_ = 0;
    SourcePos pos_;
};

/// 1-based line and column of byte `at`, for a single position.
SourcePos position_in(std::string_view text, size_t at, uint32_t first_line = 1) {
    return PositionCursor(text, first_line).at(at);
}

/// The string value of a top-level key in a small JSON object, or nullopt.
/// Enough for StoryData's "start"; anything unexpected returns nullopt.
std::optional<std::string> json_string_field(std::string_view json, std::string_view key) {
    const std::string quoted = "\"" + std::string(key) + "\"";
    size_t at = json.find(quoted);
    if (at == std::string_view::npos) return std::nullopt;
    at += quoted.size();
    while (at < json.size() && (json[at] == ' ' || json[at] == '\t' || json[at] == '\n' || json[at] == '\r')) ++at;
    if (at >= json.size() || json[at] != ':') return std::nullopt;
    ++at;
    while (at < json.size() && (json[at] == ' ' || json[at] == '\t' || json[at] == '\n' || json[at] == '\r')) ++at;
    if (at >= json.size() || json[at] != '"') return std::nullopt;
    std::string out;
    for (++at; at < json.size(); ++at) {
        char c = json[at];
        if (c == '"') return out;
        if (c == '\\' && at + 1 < json.size()) {
            char n = json[++at];
            out += n == 'n' ? '\n' : n == 't' ? '\t' : n;  // \uXXXX is rare in a passage name; kept literally
            continue;
        }
        out += c;
    }
    return std::nullopt;
}

// --- Twee 3 ---------------------------------------------------------------------------

struct Header {
    std::string name;
    std::vector<std::string> tags;
    bool ok = true;
};

/// `:: Name [tag tag] {"position":"..."}` with \ escaping [ ] { } \ in the name.
Header parse_header(std::string_view line, uint32_t line_no, DiagnosticList& diags) {
    Header h;
    size_t i = 2;
    std::string name;
    while (i < line.size() && line[i] != '[' && line[i] != '{') {
        if (line[i] == '\\' && i + 1 < line.size()) {
            name += line[i + 1];
            i += 2;
            continue;
        }
        name += line[i++];
    }
    h.name = trim(name);
    if (h.name.empty()) {
        diags.error(codes::twine_bad_header, {line_no, 1}, "this passage header has no name; write ':: Name'");
        h.ok = false;
    }
    if (i < line.size() && line[i] == '[') {
        size_t close = i + 1;
        while (close < line.size() && !(line[close] == ']' && line[close - 1] != '\\')) ++close;
        if (close >= line.size()) {
            diags.error(codes::twine_bad_header, {line_no, static_cast<uint32_t>(i + 1)},
                        "the tag list of passage '" + h.name + "' has no closing ']'");
            h.ok = false;
            return h;
        }
        std::string tag;
        for (size_t k = i + 1; k <= close; ++k) {
            if (k == close || line[k] == ' ' || line[k] == '\t') {
                if (!tag.empty()) h.tags.push_back(tag);
                tag.clear();
            } else if (line[k] != '\\') {
                tag += line[k];
            }
        }
        i = close + 1;
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    }
    if (i < line.size() && line[i] == '{') {
        if (trim(line.substr(i)).back() != '}')
            diags.error(codes::twine_bad_header, {line_no, static_cast<uint32_t>(i + 1)},
                        "the metadata of passage '" + h.name + "' has no closing '}'");
    } else if (i < line.size() && !trim(line.substr(i)).empty()) {
        diags.error(codes::twine_bad_header, {line_no, static_cast<uint32_t>(i + 1)},
                    "unexpected text after the header of passage '" + h.name + "'");
    }
    return h;
}

/// Shared by both formats: StoryTitle and StoryData are story settings, not passages.
void add_passage(TwineStory& story, TwinePassage p, std::set<std::string>& names, DiagnosticList& diags) {
    if (!names.insert(p.name).second) {
        diags.error(codes::twine_duplicate_passage, p.pos,
                    "a second passage is named '" + p.name + "'; passage names must be unique");
        return;
    }
    story.passages.push_back(std::move(p));
}

}  // namespace

std::optional<TwineStory> parse_twee(std::string_view text, DiagnosticList& diags) {
    TwineStory story;
    std::set<std::string> names;
    std::optional<TwinePassage> current;
    std::vector<std::string> lines;
    auto finish = [&] {
        if (!current) return;
        // Trailing blank lines belong to the gap between passages, not the text.
        while (!lines.empty() && trim(lines.back()).empty()) lines.pop_back();
        std::string body;
        for (size_t i = 0; i < lines.size(); ++i) body += (i ? "\n" : "") + lines[i];
        current->text = body;
        if (current->name == "StoryTitle") {
            story.title = trim(body);
        } else if (current->name == "StoryData") {
            if (auto start = json_string_field(body, "start")) {
                story.start = *start;
                story.start_pos = current->pos;
            } else if (body.find("\"start\"") != std::string::npos) {
                diags.warning(codes::twine_start_unreadable, current->pos,
                              "StoryData's \"start\" could not be read; the first passage is the start");
            }
        } else {
            add_passage(story, std::move(*current), names, diags);
        }
        current.reset();
        lines.clear();
    };
    uint32_t line_no = 0;
    size_t at = 0;
    while (at <= text.size()) {
        size_t end = text.find('\n', at);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(at, end - at);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        ++line_no;
        if (line.starts_with("::")) {
            finish();
            Header h = parse_header(line, line_no, diags);
            if (h.ok) {
                current = TwinePassage{h.name, h.tags, "", {line_no, 1}, line_no + 1};
            }
        } else if (current) {
            // `\:\:` at the start of a line is an escaped `::` in passage text.
            lines.push_back(line.starts_with("\\:\\:") ? "::" + std::string(line.substr(4)) : std::string(line));
        }
        if (end == text.size()) break;
        at = end + 1;
    }
    finish();
    if (story.passages.empty()) {
        diags.error(codes::twine_no_passages, {1, 1},
                    "no passages found; a Twee passage starts with a line like ':: Start'");
        return std::nullopt;
    }
    return story;
}

// --- Twine 2 HTML -------------------------------------------------------------------

namespace {

void append_utf8(std::string& out, uint32_t cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

/// Decodes the entities Twine writes (&amp; &lt; &gt; &quot; &#39;) and any numeric one.
std::string decode_entities(std::string_view s) {
    static const std::pair<std::string_view, std::string_view> named[] = {
        {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", "\xC2\xA0"}};
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out += s[i];
            continue;
        }
        size_t semi = s.find(';', i);
        if (semi == std::string_view::npos || semi - i > 10) {
            out += '&';
            continue;
        }
        std::string_view name = s.substr(i + 1, semi - i - 1);
        bool done = false;
        if (name.size() > 1 && name[0] == '#') {
            bool hex = name[1] == 'x' || name[1] == 'X';
            std::string_view digits = name.substr(hex ? 2 : 1);
            uint32_t cp = 0;
            bool valid = !digits.empty();
            for (char c : digits) {
                int d = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                if (d < 0 || cp > 0x10FFFF) valid = false;
                else cp = cp * (hex ? 16u : 10u) + static_cast<uint32_t>(d);
            }
            if (valid) {
                append_utf8(out, cp);
                done = true;
            }
        } else {
            for (const auto& [n, v] : named)
                if (name == n) {
                    out += v;
                    done = true;
                }
        }
        if (done) i = semi;
        else out += '&';
    }
    return out;
}

/// The value of attribute `name` in a start tag's text, decoded, or nullopt.
std::optional<std::string> attribute(std::string_view tag, std::string_view name) {
    for (size_t at = 0; (at = tag.find(name, at)) != std::string_view::npos; at += name.size()) {
        bool starts_word = at > 0 && (tag[at - 1] == ' ' || tag[at - 1] == '\n' || tag[at - 1] == '\t' || tag[at - 1] == '\r');
        size_t eq = at + name.size();
        while (eq < tag.size() && tag[eq] == ' ') ++eq;
        if (!starts_word || eq >= tag.size() || tag[eq] != '=') continue;
        size_t v = eq + 1;
        while (v < tag.size() && tag[v] == ' ') ++v;
        if (v >= tag.size()) return std::nullopt;
        if (tag[v] == '"' || tag[v] == '\'') {
            size_t close = tag.find(tag[v], v + 1);
            if (close == std::string_view::npos) return std::nullopt;
            return decode_entities(tag.substr(v + 1, close - v - 1));
        }
        size_t close = tag.find_first_of(" \t\r\n>", v);
        return decode_entities(tag.substr(v, (close == std::string_view::npos ? tag.size() : close) - v));
    }
    return std::nullopt;
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

}  // namespace

std::optional<TwineStory> parse_twine_html(std::string_view html, DiagnosticList& diags) {
    const std::string folded = lower(html);  // element names are case-insensitive in HTML
    const size_t story_at = folded.find("<tw-storydata");
    if (story_at == std::string::npos) {
        diags.error(codes::twine_html_structure, {1, 1},
                    "no <tw-storydata> element: is this a Twine 2 story (File > Publish) or archive?");
        return std::nullopt;
    }
    if (folded.find("<tw-storydata", story_at + 1) != std::string::npos)
        diags.warning(codes::twine_html_structure, position_in(html, story_at),
                      "this archive holds several stories; importing the first only");
    const size_t story_tag_end = folded.find('>', story_at);
    size_t story_end = folded.find("</tw-storydata", story_at);
    if (story_tag_end == std::string::npos || story_end == std::string::npos) {
        diags.error(codes::twine_html_structure, position_in(html, story_at), "<tw-storydata> is not closed");
        return std::nullopt;
    }
    const std::string_view story_tag = html.substr(story_at, story_tag_end - story_at);
    TwineStory story;
    story.title = attribute(story_tag, "name").value_or("");
    const std::string start_pid = attribute(story_tag, "startnode").value_or("");
    std::set<std::string> names;

    PositionCursor cursor(html);
    for (size_t at = story_tag_end; (at = folded.find("<tw-passagedata", at)) < story_end;) {
        const SourcePos pos = cursor.at(at);
        size_t tag_end = folded.find('>', at);
        size_t close = folded.find("</tw-passagedata", at);
        if (tag_end == std::string::npos || close == std::string::npos || close > story_end) {
            diags.error(codes::twine_html_structure, pos, "<tw-passagedata> is not closed");
            return std::nullopt;
        }
        const std::string_view tag = html.substr(at, tag_end - at);
        TwinePassage p;
        p.pos = pos;
        p.text_line = cursor.at(tag_end + 1).line;
        auto name = attribute(tag, "name");
        if (!name || trim(*name).empty()) {
            diags.error(codes::twine_bad_header, pos, "a <tw-passagedata> has no name");
            at = close + 1;
            continue;
        }
        p.name = *name;
        std::string tags = attribute(tag, "tags").value_or("");
        for (size_t b = 0; b < tags.size();) {
            size_t e = tags.find(' ', b);
            if (e == std::string::npos) e = tags.size();
            if (e > b) p.tags.push_back(tags.substr(b, e - b));
            b = e + 1;
        }
        p.text = decode_entities(html.substr(tag_end + 1, close - tag_end - 1));
        if (!start_pid.empty() && attribute(tag, "pid") == start_pid) {
            story.start = p.name;
            story.start_pos = pos;
        }
        add_passage(story, std::move(p), names, diags);
        at = close + 1;
    }
    if (story.passages.empty()) {
        diags.error(codes::twine_no_passages, position_in(html, story_at),
                    "the story has no passages (<tw-passagedata>)");
        return std::nullopt;
    }
    if (!start_pid.empty() && story.start.empty())
        diags.warning(codes::twine_start_unreadable, position_in(html, story_at),
                      "startnode " + start_pid + " names no passage; the first passage is the start");
    return story;
}

// --- links -------------------------------------------------------------------------

std::vector<TwineLink> twine_links(const TwinePassage& passage) {
    std::vector<TwineLink> links;
    const std::string& t = passage.text;
    PositionCursor cursor(t, passage.text_line);
    for (size_t at = 0; (at = t.find("[[", at)) != std::string::npos;) {
        size_t close = t.find("]]", at + 2);
        if (close == std::string::npos) break;
        std::string inside = t.substr(at + 2, close - at - 2);
        // SugarCube setter links, [[Text|Target][$x to 1]]: the setter is dropped.
        if (size_t setter = inside.find("]["); setter != std::string::npos) inside.resize(setter);
        TwineLink link;
        link.pos = cursor.at(at);
        if (size_t arrow = inside.rfind("->"); arrow != std::string::npos) {
            link.text = inside.substr(0, arrow);
            link.target = inside.substr(arrow + 2);
        } else if (size_t back = inside.find("<-"); back != std::string::npos) {
            link.target = inside.substr(0, back);
            link.text = inside.substr(back + 2);
        } else if (size_t bar = inside.find('|'); bar != std::string::npos) {
            link.text = inside.substr(0, bar);
            link.target = inside.substr(bar + 1);
        } else {
            link.text = link.target = inside;
        }
        link.text = trim(link.text);
        link.target = trim(link.target);
        links.push_back(std::move(link));
        at = close + 2;
    }
    return links;
}

SourcePos passage_position(const TwinePassage& passage, size_t offset) {
    return position_in(passage.text, offset, passage.text_line);
}

}  // namespace frontline
