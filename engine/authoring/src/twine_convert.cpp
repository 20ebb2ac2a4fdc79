// From a parsed Twine story to scenario YAML. Sections: YAML quoting, ids,
// passage text (links and unknown markup), the conversion, and import_twine.
#include "frontline/twine_import.hpp"

#include "frontline/reader.hpp"

#include <cctype>
#include <map>
#include <sstream>

namespace frontline {

// --- YAML quoting ------------------------------------------------------------------

std::string yaml_quote(std::string_view text) {
    std::string out = "\"";
    for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        switch (ch) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': break;
            default:
                if (c < 0x20 || c == 0x7F) {
                    static const char hex[] = "0123456789abcdef";
                    out += "\\x";
                    out += hex[c >> 4];
                    out += hex[c & 15];
                } else {
                    out += ch;  // UTF-8 passes through; the loader checks it is valid
                }
        }
    }
    return out + "\"";
}

std::string count(int n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

bool is_url_link(const TwineLink& link) {
    // SugarCube and Chapbook open these in the browser instead of going to a passage.
    static const std::string_view schemes[] = {"http://", "https://", "mailto:"};
    std::string head = link.target.substr(0, 8);
    for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (std::string_view scheme : schemes)
        if (head.starts_with(scheme)) return true;
    return false;
}

namespace {

// --- ids ------------------------------------------------------------------------------

/// A node/ending id from a passage name: letters, digits, '-' and '_', unique.
std::string passage_id(std::string_view name, std::map<std::string, int>& used) {
    std::string id;
    for (char c : name) {
        bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (word) id += c;
        else if ((c == ' ' || c == '.' || c == '/') && !id.empty() && id.back() != '_') id += '_';
    }
    while (!id.empty() && id.back() == '_') id.pop_back();
    if (id.size() > 56) id.resize(56);
    if (id.empty()) id = "passage";
    int& n = used[id];
    return ++n == 1 ? id : id + "_" + std::to_string(n);
}

/// The scenario id from the title: lowercase letters, digits and hyphens.
std::string scenario_id(std::string_view title) {
    std::string id;
    for (char c : title) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) id += c;
        else if (!id.empty() && id.back() != '-') id += '-';
    }
    while (!id.empty() && id.back() == '-') id.pop_back();
    if (id.size() > 64) id.resize(64);
    return id.empty() ? "imported" : id;
}

// --- passage text -----------------------------------------------------------------------

/// How a link to the web reads as text: "Our site (https://...)", or the address alone.
std::string url_link_text(const TwineLink& link) {
    return link.text.empty() || link.text == link.target ? link.target : link.text + " (" + link.target + ")";
}

/// The passage as the customer's words: lines that are only links are dropped
/// (they are the choices); a link inside a sentence becomes its text.
std::string customer_text(const std::string& text) {
    std::string out, line;
    std::istringstream in(text);
    while (std::getline(in, line)) {
        std::string plain, residue;  // links as their text; links removed
        bool has_link = false;
        for (size_t at = 0; at < line.size();) {
            size_t open = line.find("[[", at);
            size_t close = open == std::string::npos ? std::string::npos : line.find("]]", open);
            if (close == std::string::npos) {
                plain += line.substr(at);
                residue += line.substr(at);
                break;
            }
            plain += line.substr(at, open - at);
            residue += line.substr(at, open - at);
            TwinePassage one{"", {}, line.substr(open, close + 2 - open), {}, 1};
            for (const TwineLink& link : twine_links(one)) {
                if (is_url_link(link)) {  // words the customer says, not a choice
                    plain += url_link_text(link);
                    residue += url_link_text(link);
                } else {
                    plain += link.text;
                    has_link = true;
                }
            }
            at = close + 2;
        }
        // A line of links with only bullets or separators around them carries no words of its own.
        if (has_link && residue.find_first_not_of(" \t*-|>") == std::string::npos) continue;
        if (!out.empty() || !plain.empty()) out += (out.empty() ? "" : "\n") + plain;
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
}

/// Story-format markup this importer cannot translate: macros, variables, HTML.
/// Returns a short description of the first found and sets `at` to its offset, or "".
std::string unknown_markup(const std::string& text, size_t& at) {
    for (size_t i = 0; i + 1 < text.size(); ++i) {
        char c = text[i], n = text[i + 1];
        at = i;
        if (c == '<' && n == '<') return "the macro '<<...>>'";
        if (c == '(' && n >= 'a' && n <= 'z') {
            size_t colon = text.find_first_not_of("abcdefghijklmnopqrstuvwxyz-0123456789", i + 1);
            if (colon != std::string::npos && text[colon] == ':') return "the macro '" + text.substr(i, colon - i + 1) + "'";
        }
        if (c == '$' && ((n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z') || n == '_')) return "a story variable ('$...')";
        if (c == '<' && ((n >= 'a' && n <= 'z') || n == '/')) return "an HTML tag";
        if (c == ']' && n == '[') return "a setter link ('][...]')";
    }
    return "";
}

/// The links that become choices: every link but those to the web.
std::vector<TwineLink> choice_links(const TwinePassage& p) {
    std::vector<TwineLink> links = twine_links(p);
    std::erase_if(links, [](const TwineLink& link) { return is_url_link(link); });
    return links;
}

bool has_tag(const TwinePassage& p, std::string_view tag) {
    for (const auto& t : p.tags)
        if (t == tag) return true;
    return false;
}

bool is_special(const TwinePassage& p) {
    static const char* const names[] = {"StoryInit", "StoryCaption", "StoryMenu", "StoryBanner", "StorySubtitle", "StoryAuthor",
                                        "StoryInterface", "PassageReady", "PassageDone", "PassageHeader", "PassageFooter"};
    for (const char* n : names)
        if (p.name == n) return true;
    return has_tag(p, "script") || has_tag(p, "stylesheet") || has_tag(p, "widget") || has_tag(p, "Twine.private");
}

const char* outcome_from_tags(const TwinePassage& p) {
    static const char* const outcomes[] = {"delighted", "satisfied", "neutral", "lost", "complaint"};
    for (const char* o : outcomes)
        if (has_tag(p, o)) return o;
    return nullptr;
}

// --- the conversion --------------------------------------------------------------------

struct Converted {
    std::string yaml;
    int nodes = 0, endings = 0, choices = 0;
};

std::optional<Converted> convert(const TwineStory& story, DiagnosticList& diags) {
    std::vector<const TwinePassage*> passages;
    for (const TwinePassage& p : story.passages) {
        if (is_special(p))
            diags.warning(codes::twine_not_imported, p.pos,
                          "passage '" + p.name + "' is story-format code or a special passage; it is not imported");
        else passages.push_back(&p);
    }
    std::map<std::string, int> used;
    std::map<std::string, std::string> id_of;  // passage name -> id
    std::vector<std::string> names;
    for (const TwinePassage* p : passages) {
        id_of[p->name] = passage_id(p->name, used);
        names.push_back(p->name);
    }

    const TwinePassage* start = nullptr;
    std::string start_name = story.start.empty() ? (id_of.count("Start") ? "Start" : "") : story.start;
    for (const TwinePassage* p : passages)
        if (p->name == start_name) start = p;
    if (!start && !story.start.empty())
        diags.error(codes::twine_bad_start, story.start_pos,
                    "the story starts at '" + story.start + "', which is not an importable passage" +
                        diags.did_you_mean(story.start, names));
    if (!start && story.start.empty() && !passages.empty()) start = passages.front();
    if (start && choice_links(*start).empty())
        diags.error(codes::twine_bad_start, start->pos,
                    "the start passage '" + start->name + "' has no links, so the call would end before it starts");

    Converted out;
    std::ostringstream nodes, endings;
    for (const TwinePassage* p : passages) {
        const std::vector<TwineLink> links = choice_links(*p);
        for (const TwineLink& link : twine_links(*p))
            if (is_url_link(link))
                diags.warning(codes::twine_web_link, link.pos,
                              "the link '" + link.text + "' goes to the web address '" + link.target +
                                  "'; a call has no web links, so it is kept as text, not a choice");
        size_t markup_at = 0;
        if (std::string markup = unknown_markup(p->text, markup_at); !markup.empty())
            diags.warning(
                codes::twine_markup_kept, passage_position(*p, markup_at),
                "passage '" + p->name + "' uses " + markup + ", which Frontline does not run; it is kept as text");
        std::string text = customer_text(p->text);
        const std::string& id = id_of[p->name];
        if (links.empty()) {
            const char* outcome = outcome_from_tags(*p);
            if (text.empty()) {
                diags.warning(codes::twine_empty_passage, p->pos,
                              "passage '" + p->name + "' is empty; the ending says 'The call ends.'");
                text = "The call ends.";
            }
            endings << "  " << id << ":\n    outcome: " << (outcome ? outcome : "neutral") << "\n    text: " << yaml_quote(text) << "\n";
            ++out.endings;
            continue;
        }
        if (text.empty()) {
            diags.warning(codes::twine_empty_passage, p->pos,
                          "passage '" + p->name + "' has only links; the customer says '...' until you write a line");
            text = "...";
        }
        nodes << "  " << id << ":\n    customer: " << yaml_quote(text) << "\n    choices:\n";
        for (const TwineLink& link : links) {
            auto target = id_of.find(link.target);
            if (target == id_of.end()) {
                diags.error(codes::twine_broken_link, link.pos,
                            "the link '" + link.text + "' goes to '" + link.target + "', but no passage has that name" +
                                diags.did_you_mean(link.target, names));
                continue;
            }
            nodes << "      - say: " << yaml_quote(link.text.empty() ? link.target : link.text) << "\n        next: " << target->second << "\n";
            ++out.choices;
        }
        ++out.nodes;
    }
    if (diags.has_errors()) return std::nullopt;
    if (out.endings == 0) {
        diags.error(codes::twine_bad_start, {1, 1},
                    "no passage is an ending (a passage without links); the call could never end");
        return std::nullopt;
    }

    const std::string title = story.title.empty() ? "Imported story" : story.title;
    std::ostringstream y;
    y << "# Imported from Twine by `frontline import`. Next: describe the customer and both needs,\n"
         "# add technical/personal points, mood and feedback to the choices, then run `frontline lint`.\n"
      << "id: " << scenario_id(title) << "\n"
      << "title: " << yaml_quote(title) << "\n"
      << "summary: " << yaml_quote("Imported from the Twine story '" + title + "'.") << "\n"
      << "customer:\n  name: Customer\n  mood: 50\n"
      << "needs:\n  technical: \"TODO: what the customer came for\"\n  personal: \"TODO: how the customer needs to be treated\"\n"
      << "start: " << id_of[start->name] << "\n"
      << "nodes:\n" << nodes.str() << "endings:\n" << endings.str();
    out.yaml = y.str();
    return out;
}

}  // namespace

namespace {
/// The offset of the first byte that is not valid UTF-8 (overlongs and surrogates too), or npos.
size_t invalid_utf8_at(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (n == 0 || i + n > s.size()) return i;
        uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1Fu) : n == 3 ? (c & 0x0Fu) : (c & 0x07u);
        for (size_t k = 1; k < n; ++k) {
            const auto b = static_cast<unsigned char>(s[i + k]);
            if ((b & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (b & 0x3Fu);
        }
        static const uint32_t min_for_length[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < min_for_length[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += n;
    }
    return std::string_view::npos;
}

TwineImport import_unguarded(std::string_view bytes, const std::string& output_name, DiagnosticList& diags) {
    TwineImport result{"", 0, 0, 0, DiagnosticList(output_name)};
    // Said about the story, not about the YAML it would become (which the check would refuse).
    if (size_t bad = invalid_utf8_at(bytes); bad != std::string_view::npos) {
        uint32_t line = 1, column = 1;
        for (size_t i = 0; i < bad; ++i) {
            if (bytes[i] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        diags.error(codes::invalid_utf8, {line, column}, "invalid UTF-8; save the story as UTF-8");
        return result;
    }
    std::string folded(bytes.substr(0, std::min<size_t>(bytes.size(), 1 << 20)));
    for (char& c : folded) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // Twee starts with passages or prose; anything opening with a tag is HTML.
    const size_t first = folded.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    const bool html = folded.find("<tw-storydata") != std::string::npos || (first != std::string::npos && folded[first] == '<');
    std::optional<TwineStory> story = html ? parse_twine_html(bytes, diags) : parse_twee(bytes, diags);
    if (!story || diags.has_errors()) return result;
    std::optional<Converted> converted = convert(*story, diags);
    diags.sort_by_position();  // read top to bottom, like the story file
    if (!converted) return result;
    result.yaml = std::move(converted->yaml);
    result.nodes = converted->nodes;
    result.endings = converted->endings;
    result.choices = converted->choices;
    // The promise of import is a file that passes `frontline check`: ask the real loader.
    LoadedScenario loaded = load_scenario_from_bytes(result.yaml, output_name);
    result.check = std::move(loaded.diagnostics);
    return result;
}
}  // namespace

TwineImport import_twine(std::string_view bytes, const std::string& output_name, DiagnosticList& diags) {
    try {
        return import_unguarded(bytes, output_name, diags);
    } catch (const std::bad_alloc&) {
        report_out_of_memory(diags, "importing the story");
        return TwineImport{"", 0, 0, 0, DiagnosticList(output_name)};
    }
}

}  // namespace frontline
