// Stable line ids: the derivation rule (see line_ids.hpp), the walk over every
// translatable text, and the duplicate check.
#include "frontline/line_ids.hpp"

#include <map>
#include <unordered_map>

namespace frontline {

std::string_view text_role_name(TextRole r) {
    switch (r) {
        case TextRole::title: return "title";
        case TextRole::summary: return "summary";
        case TextRole::setting: return "setting";
        case TextRole::persona: return "persona";
        case TextRole::need_technical: return "technical need";
        case TextRole::need_personal: return "personal need";
        case TextRole::debrief: return "learning point";
        case TextRole::customer_line: return "customer line";
        case TextRole::say: return "trainee answer";
        case TextRole::feedback: return "feedback";
        case TextRole::notes: return "facilitator notes";
        case TextRole::ending: return "ending";
    }
    return "text";
}

std::string line_text_hash(std::string_view text) {
    uint32_t h = 2166136261u;
    auto mix = [&](unsigned char c) {
        h ^= c;
        h *= 16777619u;
    };
    bool pending_space = false, started = false;
    for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            pending_space = started;
            continue;
        }
        if (pending_space) mix(' ');
        pending_space = false;
        started = true;
        mix(c);
    }
    static const char* hex = "0123456789abcdef";
    std::string out(6, '0');
    for (int i = 5; i >= 0; --i) {
        out[static_cast<size_t>(i)] = hex[h & 15];
        h >>= 4;
    }
    return out;
}

bool valid_line_id(std::string_view id) {
    if (id.empty() || id.size() > 128) return false;
    auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
    if (!alnum(id.front())) return false;
    for (char c : id)
        if (!alnum(c) && c != '-' && c != '_' && c != '.') return false;
    return true;
}

namespace {

/// Hands out `<prefix>.<hash>` ids, numbering repeats of one hash within one prefix.
class DerivedIds {
public:
    std::string next(const std::string& prefix, std::string_view text) {
        std::string id = prefix + "." + line_text_hash(text);
        int n = ++seen_[id];
        return n == 1 ? id : id + "-" + std::to_string(n);
    }

private:
    std::unordered_map<std::string, int> seen_;
};

// One walk for the const listing and the writable one.
template <typename S, typename F>
void walk(S& s, F&& f) {
    auto top = [&](const char* id, TextRole role, auto& text, SourcePos pos) {
        if (text.empty()) return;
        TranslatableText t{id, role, &text, pos};
        f(t, text);
    };
    top("scenario.title", TextRole::title, s.title, s.text_pos.title);
    top("scenario.summary", TextRole::summary, s.summary, s.text_pos.summary);
    top("scenario.setting", TextRole::setting, s.setting, s.text_pos.setting);
    top("customer.persona", TextRole::persona, s.customer.persona, s.text_pos.persona);
    top("needs.technical", TextRole::need_technical, s.needs.technical, s.text_pos.need_technical);
    top("needs.personal", TextRole::need_personal, s.needs.personal, s.text_pos.need_personal);
    for (size_t i = 0; i < s.debrief.size(); ++i) {
        if (s.debrief[i].empty() || i >= s.debrief_ids.size()) continue;
        TranslatableText t{s.debrief_ids[i], TextRole::debrief, &s.debrief[i],
                           i < s.debrief_pos.size() ? s.debrief_pos[i] : s.id_pos};
        f(t, s.debrief[i]);
    }
    for (size_t n = 0; n < s.nodes.size(); ++n) {
        auto& node = s.nodes[n];
        const int ni = static_cast<int>(n);
        for (auto& line : node.customer) {
            if (line.text.empty()) continue;
            TranslatableText t{line.id, TextRole::customer_line, &line.text, line.pos, ni};
            f(t, line.text);
        }
        for (auto& c : node.choices) {
            if (!c.say.empty()) {
                TranslatableText t{c.id, TextRole::say, &c.say, c.pos, ni};
                f(t, c.say);
            }
            if (!c.feedback.empty()) {
                TranslatableText t{c.feedback_id, TextRole::feedback, &c.feedback, c.pos, ni};
                f(t, c.feedback);
            }
        }
        if (!node.notes.empty()) {
            TranslatableText t{node.notes_id, TextRole::notes, &node.notes, node.pos, ni};
            f(t, node.notes);
        }
    }
    for (size_t e = 0; e < s.endings.size(); ++e) {
        auto& ending = s.endings[e];
        if (ending.text.empty()) continue;
        TranslatableText t{ending.text_id, TextRole::ending, &ending.text, ending.pos, -1, static_cast<int>(e)};
        f(t, ending.text);
    }
}

}  // namespace

void assign_line_ids(Scenario& s) {
    DerivedIds derived;
    s.debrief_ids.resize(s.debrief.size());
    for (size_t i = 0; i < s.debrief.size(); ++i) s.debrief_ids[i] = derived.next("debrief", s.debrief[i]);
    for (auto& node : s.nodes) {
        for (auto& line : node.customer)
            if (!line.explicit_id) line.id = derived.next(node.id + ".customer", line.text);
        for (auto& c : node.choices) {
            if (!c.explicit_id) c.id = derived.next(node.id + ".say", c.say);
            if (c.feedback.empty()) c.feedback_id.clear();
            else c.feedback_id = c.explicit_id ? c.id + ".feedback" : derived.next(node.id + ".feedback", c.feedback);
        }
        node.notes_id = node.notes.empty() ? std::string() : node.id + ".notes";
    }
    for (auto& e : s.endings) e.text_id = e.id + ".ending";
}

std::vector<TranslatableText> translatable_texts(const Scenario& s) {
    std::vector<TranslatableText> out;
    walk(s, [&](const TranslatableText& t, const std::string&) { out.push_back(t); });
    return out;
}

void for_each_text(Scenario& s, const std::function<void(const TranslatableText&, std::string& text)>& f) {
    walk(s, [&](const TranslatableText& t, std::string& text) { f(t, text); });
}

void check_line_ids(const Scenario& s, DiagnosticList& diags) {
    // Explicit ids are reported at their `id:`; the position of a derived one is its text's.
    std::unordered_map<std::string, SourcePos> first;
    auto where = [&](const TranslatableText& t) {
        if (t.role == TextRole::customer_line || t.role == TextRole::say) {
            const auto& node = s.node(t.node);
            for (const auto& l : node.customer)
                if (&l.text == t.text && l.explicit_id) return l.id_pos;
            for (const auto& c : node.choices)
                if (&c.say == t.text && c.explicit_id) return c.id_pos;
        }
        return t.pos;
    };
    for (const auto& t : translatable_texts(s)) {
        if (t.id.empty()) continue;
        SourcePos at = where(t);
        auto [it, inserted] = first.emplace(t.id, at);
        if (!inserted)
            diags.error(codes::duplicate_line_id, at,
                        "line id '" + t.id + "' is already used at line " + std::to_string(it->second.line) +
                            "; translations and voice files attach to line ids, so each must be unique");
    }
}

}  // namespace frontline
