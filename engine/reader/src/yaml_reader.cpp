// YAML to plain Scenario: the scenario schema, one function per YAML level.
// The byte guards and the strict field reader it builds on are in yaml_fields.hpp.
#include "frontline/line_ids.hpp"
#include "frontline/reader.hpp"
#include "frontline/scenario_keys.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <unordered_set>

#include "walkthrough_fields.hpp"
#include "yaml_fields.hpp"

namespace frontline {

using namespace yaml_detail;

// The schema walk: one function per YAML level, each taking the FieldReader.
namespace {

const std::vector<std::string> top_keys = {"id", "title", "summary", "setting", "difficulty", "skills", "customer", "needs",
                                           "channel", "scoring", "patience", "debrief", "vars", "start", "nodes", "endings", "tests"};
const std::vector<std::string> customer_keys = {"name", "persona", "mood", "walkout", "portrait", "voice"};
const std::vector<std::string> voice_keys = {"language", "variant", "pitch", "rate"};
const std::vector<std::string> portrait_keys = {"hair", "hair_colour", "skin", "age", "glasses"};
const std::vector<std::string> walkout_keys = {"below", "ending"};
const std::vector<std::string> needs_keys = {"technical", "personal"};
const std::vector<std::string> scoring_keys = {"pass", "full_marks"};
const std::vector<std::string> pass_keys = {"technical", "personal"};
const std::vector<std::string> patience_keys = {"grace", "drain"};
const std::vector<std::string> node_keys = {"customer", "choices", "notes", "shuffle"};
const std::vector<std::string> line_keys = {"id", "if", "text"};
const std::vector<std::string> choice_keys = {"id",  "say", "technical", "personal", "mood",
                                              "set", "if",  "feedback",  "skills",   "next"};
const std::vector<std::string> ending_keys = {"outcome", "text"};

class ScenarioReader {
public:
    ScenarioReader(FieldReader& r, Scenario& s) : r_(r), s_(s) {}

    void read(const YAML::Node& root) {
        auto top = r_.entries(root, top_keys, "");
        SourcePos root_pos = pos_of(root);
        s_.id_pos = root_pos;

        if (auto* n = find(top, "id")) {
            s_.id_pos = pos_of(*n);
            if (auto t = r_.text(*n, "id")) {
                s_.id = *t;
                if (!valid_id(s_.id, false))
                    r_.diags().error(codes::invalid_value, pos_of(*n),
                                     "'id' must be lowercase letters, digits and hyphens (like cold-meal), found '" +
                                         s_.id.substr(0, 64) + "'");
            }
        } else r_.missing(root_pos, "id", "");
        required_text(top, "title", s_.title, root_pos);
        required_text(top, "summary", s_.summary, root_pos);
        if (auto* n = find(top, "title")) s_.text_pos.title = text_pos_of(*n);
        if (auto* n = find(top, "summary")) s_.text_pos.summary = text_pos_of(*n);
        if (auto* n = find(top, "setting")) {
            s_.text_pos.setting = text_pos_of(*n);
            if (auto t = r_.text(*n, "setting")) s_.setting = *t;
        }
        if (auto* n = find(top, "difficulty")) if (auto v = r_.integer(*n, "difficulty", 1, 5)) s_.difficulty = static_cast<int>(*v);
        if (auto* n = find(top, "skills")) s_.skills = skills(*n, "skills");
        if (auto* n = find(top, "debrief")) {
            s_.debrief = r_.text_list(*n, "debrief");
            // Positions of the items, for translators' references; text_list reports the bad ones.
            if (n->IsSequence())
                for (const auto& item : *n) {
                    if (item.IsScalar()) s_.debrief_pos.push_back(text_pos_of(item));
                }
            else s_.debrief_pos.push_back(text_pos_of(*n));
            s_.debrief_pos.resize(s_.debrief.size(), pos_of(*n));
        }
        if (auto* n = find(top, "channel")) {
            std::vector<std::string> names;
            for (int i = 0; i < channel_count; ++i) names.emplace_back(channel_name(static_cast<Channel>(i)));
            if (auto i = one_of(*n, "channel", names)) s_.channel = static_cast<Channel>(*i);
        }

        if (auto* n = find(top, "customer")) read_customer(*n); else r_.missing(root_pos, "customer", "");
        if (auto* n = find(top, "needs")) read_needs(*n); else r_.missing(root_pos, "needs", "");
        if (auto* n = find(top, "scoring")) read_scoring(*n);
        if (auto* n = find(top, "patience")) read_patience(*n);
        if (auto* n = find(top, "vars")) read_vars(*n);
        s_.symbols.var_names.clear();
        for (const auto& v : s_.vars) {
            s_.symbols.var_names.push_back(v.name);
            s_.symbols.var_types.push_back(v.type);
        }

        if (auto* n = find(top, "start")) {
            s_.start_pos = pos_of(*n);
            if (auto t = r_.text(*n, "start")) s_.start_name = *t;
        } else r_.missing(root_pos, "start", "");
        // Endings first, so nothing else needs them, but nodes are read in file order.
        if (auto* n = find(top, "nodes")) read_nodes(*n); else r_.missing(root_pos, "nodes", "");
        if (auto* n = find(top, "endings")) read_endings(*n); else r_.missing(root_pos, "endings", "");
        if (auto* n = find(top, "tests")) read_tests(*n);
    }

private:
    /// The index of a text value among `names`, or an FL015 naming them all.
    std::optional<size_t> one_of(const YAML::Node& n, std::string_view what, const std::vector<std::string>& names) {
        auto t = r_.text(n, what);
        if (!t) return std::nullopt;
        for (size_t i = 0; i < names.size(); ++i)
            if (names[i] == *t) return i;
        r_.diags().error(codes::invalid_value, pos_of(n),
                         "'" + std::string(what) + "' must be one of " + comma_list(names) + "; found '" +
                             t->substr(0, 64) + "'" + r_.diags().did_you_mean(*t, names));
        return std::nullopt;
    }

    void read_portrait(const YAML::Node& n) {
        if (!r_.is_map(n, "portrait")) return;
        auto e = r_.entries(n, portrait_keys, "portrait");
        Portrait p;
        if (auto* v = find(e, "hair")) if (auto i = one_of(*v, "hair", hair_names())) p.hair = static_cast<Portrait::Hair>(*i);
        if (auto* v = find(e, "hair_colour"))
            if (auto i = one_of(*v, "hair_colour", hair_colour_names())) p.hair_colour = static_cast<Portrait::HairColour>(*i);
        if (auto* v = find(e, "skin")) if (auto i = one_of(*v, "skin", skin_names())) p.skin = static_cast<Portrait::Skin>(*i);
        if (auto* v = find(e, "age")) if (auto i = one_of(*v, "age", age_names())) p.age = static_cast<Portrait::Age>(*i);
        if (auto* v = find(e, "glasses")) if (auto b = r_.boolean(*v, "glasses")) p.glasses = *b;
        s_.customer.portrait = p;
    }

    /// espeak-ng names: letters, digits, '-', '_' and '+' only, so nothing odd reaches the synthesiser.
    static bool voice_name(std::string_view name) {
        return !name.empty() && name.size() <= 40 && std::all_of(name.begin(), name.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                   c == '+';
        });
    }

    void read_voice(const YAML::Node& n) {
        if (!r_.is_map(n, "voice")) return;
        auto e = r_.entries(n, voice_keys, "voice");
        Voice v;
        v.pos = pos_of(n);
        for (auto [key, field] : {std::pair{"language", &v.language}, std::pair{"variant", &v.variant}})
            if (auto* x = find(e, key))
                if (auto t = r_.text(*x, key)) {
                    if (voice_name(*t)) *field = *t;
                    else
                        r_.diags().error(
                            codes::invalid_value, pos_of(*x),
                            "'" + std::string(key) +
                                "' must be an espeak-ng name (letters, digits, '-', like en-gb or f3), found '" +
                                t->substr(0, 64) + "'");
                }
        if (auto* x = find(e, "pitch"))
            if (auto i = r_.integer(*x, "pitch", min_voice_pitch, max_voice_pitch)) v.pitch = static_cast<int>(*i);
        if (auto* x = find(e, "rate"))
            if (auto i = r_.integer(*x, "rate", min_voice_rate, max_voice_rate)) v.rate = static_cast<int>(*i);
        s_.customer.voice = v;
    }

    void required_text(const std::vector<std::pair<YAML::Node, YAML::Node>>& entries, std::string_view key, std::string& out,
                       SourcePos at, std::string_view where = "") {
        if (auto* n = find(entries, key)) {
            if (auto t = r_.text(*n, key)) {
                out = *t;
                if (out.empty()) r_.diags().error(codes::wrong_type, pos_of(*n), "'" + std::string(key) + "' is empty");
            }
        } else {
            r_.missing(at, key, where);
        }
    }

    std::vector<std::string> skills(const YAML::Node& n, std::string_view what) {
        std::vector<std::string> out = r_.text_list(n, what);
        // Positions of list items for the warning; fall back to the list itself.
        for (size_t i = 0; i < out.size(); ++i) {
            const auto& known = known_skills();
            if (std::find(known.begin(), known.end(), out[i]) == known.end()) {
                SourcePos at = n.IsSequence() && i < n.size() ? pos_of(n[i]) : pos_of(n);
                r_.diags().warning(codes::unknown_skill, at,
                                   "unknown skill '" + out[i] + "'" + r_.diags().did_you_mean(out[i], known) +
                                       "; known skills: " + comma_list(known));
            }
        }
        return out;
    }

    void read_customer(const YAML::Node& n) {
        if (!r_.is_map(n, "customer")) return;
        auto e = r_.entries(n, customer_keys, "customer");
        required_text(e, "name", s_.customer.name, pos_of(n), "customer");
        if (auto* p = find(e, "persona")) {
            s_.text_pos.persona = text_pos_of(*p);
            if (auto t = r_.text(*p, "persona")) s_.customer.persona = *t;
        }
        if (auto* m = find(e, "mood")) if (auto v = r_.integer(*m, "mood", 0, 100)) s_.customer.mood = static_cast<int>(*v);
        if (auto* p = find(e, "portrait")) read_portrait(*p);
        if (auto* v = find(e, "voice")) read_voice(*v);
        if (auto* w = find(e, "walkout")) {
            if (!r_.is_map(*w, "walkout")) return;
            auto we = r_.entries(*w, walkout_keys, "walkout");
            Scenario::Customer::Walkout walkout;
            walkout.pos = pos_of(*w);
            if (auto* b = find(we, "below")) { if (auto v = r_.integer(*b, "below", 0, 100)) walkout.below = static_cast<int>(*v); }
            else r_.missing(pos_of(*w), "below", "walkout");
            if (auto* en = find(we, "ending")) {
                walkout.pos = pos_of(*en);
                if (auto t = r_.text(*en, "ending")) walkout.ending_name = *t;
            } else r_.missing(pos_of(*w), "ending", "walkout");
            s_.customer.walkout = walkout;
        }
    }

    void read_needs(const YAML::Node& n) {
        if (!r_.is_map(n, "needs")) return;
        auto e = r_.entries(n, needs_keys, "needs");
        required_text(e, "technical", s_.needs.technical, pos_of(n), "needs");
        required_text(e, "personal", s_.needs.personal, pos_of(n), "needs");
        if (auto* t = find(e, "technical")) s_.text_pos.need_technical = text_pos_of(*t);
        if (auto* t = find(e, "personal")) s_.text_pos.need_personal = text_pos_of(*t);
    }

    void read_scoring(const YAML::Node& n) {
        if (!r_.is_map(n, "scoring")) return;
        auto e = r_.entries(n, scoring_keys, "scoring");
        if (auto* p = find(e, "pass"); p && r_.is_map(*p, "pass")) {
            auto pe = r_.entries(*p, pass_keys, "scoring.pass");
            if (auto* t = find(pe, "technical")) if (auto v = r_.integer(*t, "technical", 0, 100)) s_.pass.technical = static_cast<int>(*v);
            if (auto* t = find(pe, "personal")) if (auto v = r_.integer(*t, "personal", 0, 100)) s_.pass.personal = static_cast<int>(*v);
        }
        if (auto* f = find(e, "full_marks"); f && r_.is_map(*f, "full_marks")) {
            auto fe = r_.entries(*f, pass_keys, "scoring.full_marks");
            // At least one point: "fully met" must be worth something to divide by.
            if (auto* t = find(fe, "technical")) {
                s_.full_marks.technical_pos = pos_of(*t);
                if (auto v = r_.integer(*t, "technical", 1, 1'000'000)) s_.full_marks.technical = *v;
            }
            if (auto* t = find(fe, "personal")) {
                s_.full_marks.personal_pos = pos_of(*t);
                if (auto v = r_.integer(*t, "personal", 1, 1'000'000)) s_.full_marks.personal = *v;
            }
        }
    }

    void read_patience(const YAML::Node& n) {
        if (!r_.is_map(n, "patience")) return;
        auto e = r_.entries(n, patience_keys, "patience");
        Scenario::Patience p;
        if (auto* g = find(e, "grace")) if (auto v = r_.number(*g, "grace", 0, 3600)) p.grace = *v;
        if (auto* d = find(e, "drain")) if (auto v = r_.number(*d, "drain", 0, 100)) p.drain = *v;
        s_.patience = p;
    }

    void read_vars(const YAML::Node& n) {
        if (n.IsNull()) return;
        if (!r_.is_map(n, "vars")) return;
        for (const auto& [key, value] : r_.entries(n, {}, "vars")) {
            Variable v;
            v.name = key.Scalar();
            v.pos = pos_of(key);
            bool builtin = false;
            for (int b = 0; b < builtin_count; ++b) builtin |= builtin_name(static_cast<Builtin>(b)) == v.name;
            if (builtin || v.name == "true" || v.name == "false" || v.name == "and" || v.name == "or" || v.name == "not") {
                r_.diags().error(codes::invalid_value, v.pos,
                                 "'" + v.name + "' is a built-in word; choose another variable name");
                continue;
            }
            if (!valid_var_name(v.name)) {
                r_.diags().error(
                    codes::invalid_value, v.pos,
                    "variable names are lowercase letters, digits and '_' (like offered_dessert), found '" +
                        v.name.substr(0, 64) + "'");
                continue;
            }
            if (value.IsScalar() && value.Tag() != "!" && (value.Scalar() == "true" || value.Scalar() == "false")) {
                v.type = ValueType::boolean;
                v.initial = value.Scalar() == "true";
            } else if (auto i = r_.integer(value, v.name, -1'000'000'000, 1'000'000'000)) {
                v.type = ValueType::integer;
                v.initial = *i;
            } else {
                continue;
            }
            s_.vars.push_back(std::move(v));
        }
    }

    Expression expression(const YAML::Node& n, std::string_view what, SourcePos* where = nullptr) {
        if (!n.IsScalar()) {
            r_.diags().error(codes::wrong_type, pos_of(n),
                             "'" + std::string(what) + "' should be an expression, found " + kind_name(n));
            return {};
        }
        SourcePos at = text_pos_of(n);
        if (where) *where = at;
        return compile_expression(n.Scalar(), at, s_.symbols, r_.diags());
    }

    Expression condition(const YAML::Node& n) {
        SourcePos at;
        Expression e = expression(n, "if", &at);
        if (!e.empty() && e.type() != ValueType::boolean) {
            r_.diags().error(codes::type_mismatch, at,
                             "'if' needs a true/false condition, but '" + e.source() +
                                 "' is a number; compare it, e.g. '" + e.source() + " > 0'");
            return {};
        }
        return e;
    }

    void read_nodes(const YAML::Node& n) {
        if (!r_.is_map(n, "nodes")) return;
        for (const auto& [key, value] : r_.entries(n, {}, "nodes")) {
            if (r_.over_budget()) return;
            Node node;
            node.id = key.Scalar();
            node.pos = pos_of(key);
            if (!valid_id(node.id, true))
                r_.diags().error(codes::invalid_value, node.pos,
                                 "node ids are letters, digits, '-' and '_' (like fresh_plate), found '" +
                                     node.id.substr(0, 64) + "'");
            if (value.IsMap()) {
                auto e = r_.entries(value, node_keys, "node '" + node.id + "'");
                if (auto* c = find(e, "customer")) read_customer_lines(*c, node);
                else r_.missing(node.pos, "customer", "node '" + node.id + "'");
                if (auto* notes = find(e, "notes")) if (auto t = r_.text(*notes, "notes")) node.notes = *t;
                if (auto* sh = find(e, "shuffle")) if (auto b = r_.boolean(*sh, "shuffle")) node.shuffle = *b;
                if (auto* choices = find(e, "choices")) read_choices(*choices, node);
            } else {
                r_.is_map(value, "node '" + node.id + "'");
            }
            s_.nodes.push_back(std::move(node));
        }
    }

    void read_customer_lines(const YAML::Node& n, Node& node) {
        if (n.IsScalar()) {
            CustomerLine line;
            line.text = n.Scalar();
            line.pos = pos_of(n);
            node.customer.push_back(std::move(line));
            return;
        }
        if (!r_.is_list(n, "customer")) return;
        for (const auto& item : n) {
            if (!r_.visit(item)) return;
            CustomerLine line;
            line.pos = pos_of(item);
            if (item.IsScalar()) {
                line.text = item.Scalar();
            } else if (r_.is_map(item, "customer line")) {
                auto e = r_.entries(item, line_keys, "customer line");
                if (auto* t = find(e, "text")) { if (auto s = r_.text(*t, "text")) line.text = *s; }
                else r_.missing(line.pos, "text", "customer line");
                if (auto* c = find(e, "if")) line.condition = condition(*c);
                if (auto* i = find(e, "id")) read_line_id(*i, line.id, line.explicit_id, line.id_pos);
            }
            node.customer.push_back(std::move(line));
        }
    }

    void read_choices(const YAML::Node& n, Node& node) {
        if (n.IsNull()) return;  // reported as "no choices" by the check pass
        if (!r_.is_list(n, "choices")) return;
        for (const auto& item : n) {
            if (!r_.visit(item)) return;
            Choice c;
            c.pos = pos_of(item);
            if (!r_.is_map(item, "choice")) continue;
            auto e = r_.entries(item, choice_keys, "choice");
            if (auto* say = find(e, "say")) { if (auto t = r_.text(*say, "say")) c.say = *t; }
            else r_.missing(c.pos, "say", "choice");
            if (auto* i = find(e, "id")) read_line_id(*i, c.id, c.explicit_id, c.id_pos);
            if (auto* v = find(e, "technical")) if (auto i = r_.integer(*v, "technical", -1000, 1000)) c.technical = static_cast<int>(*i);
            if (auto* v = find(e, "personal")) if (auto i = r_.integer(*v, "personal", -1000, 1000)) c.personal = static_cast<int>(*i);
            if (auto* v = find(e, "mood")) if (auto i = r_.integer(*v, "mood", -100, 100)) c.mood = static_cast<int>(*i);
            if (auto* v = find(e, "if")) {
                c.condition_pos = text_pos_of(*v);
                c.condition = condition(*v);
            }
            if (auto* v = find(e, "set")) read_set(*v, c);
            if (auto* v = find(e, "feedback")) if (auto t = r_.text(*v, "feedback")) c.feedback = *t;
            if (auto* v = find(e, "skills")) c.skills = skills(*v, "skills");
            if (auto* v = find(e, "next")) {
                c.next_pos = pos_of(*v);
                if (auto t = r_.text(*v, "next")) c.next_name = *t;
            } else r_.missing(c.pos, "next", "choice");
            node.choices.push_back(std::move(c));
        }
    }

    /// An explicit line id (`id:` on a customer line or a choice); see line_ids.hpp.
    void read_line_id(const YAML::Node& n, std::string& id, bool& explicit_id, SourcePos& at) {
        at = text_pos_of(n);
        auto t = r_.text(n, "id");
        if (!t) return;
        if (!valid_line_id(*t)) {
            r_.diags().error(codes::invalid_value, at,
                             "line ids are letters, digits, '-', '_' and '.', starting with a letter or digit (like "
                             "greeting.apology), found '" +
                                 t->substr(0, 64) + "'");
            return;
        }
        id = *t;
        explicit_id = true;
    }

    void read_set(const YAML::Node& n, Choice& c) {
        if (!r_.is_map(n, "set")) return;
        for (const auto& [key, value] : r_.entries(n, {}, "set")) {
            Assignment a;
            a.pos = pos_of(key);
            const std::string& name = key.Scalar();
            auto& names = s_.symbols.var_names;
            auto it = std::find(names.begin(), names.end(), name);
            if (it == names.end()) {
                bool builtin = false;
                for (int b = 0; b < builtin_count; ++b) builtin |= builtin_name(static_cast<Builtin>(b)) == name;
                if (builtin)
                    r_.diags().error(codes::read_only, a.pos,
                                     "'" + name + "' is read-only; use the choice's '" + name + "' key to change it");
                else
                    r_.diags().error(codes::unknown_variable, a.pos,
                                     "unknown variable '" + name + "'" + r_.diags().did_you_mean(name, names) +
                                         "; declare it under 'vars:'");
                continue;
            }
            a.var = static_cast<int>(it - names.begin());
            SourcePos at;
            a.value = expression(value, "set", &at);
            if (a.value.empty()) continue;
            ValueType want = s_.vars[static_cast<size_t>(a.var)].type;
            if (a.value.type() != want) {
                r_.diags().error(codes::type_mismatch, at,
                                 "'" + name + "' holds " + (want == ValueType::boolean ? "true/false" : "a number") +
                                     ", but '" + a.value.source() + "' is " +
                                     (want == ValueType::boolean ? "a number" : "true/false"));
                continue;
            }
            c.set.push_back(std::move(a));
        }
    }

    void read_endings(const YAML::Node& n) {
        if (!r_.is_map(n, "endings")) return;
        for (const auto& [key, value] : r_.entries(n, {}, "endings")) {
            Ending ending;
            ending.id = key.Scalar();
            ending.pos = pos_of(key);
            if (!valid_id(ending.id, true))
                r_.diags().error(
                    codes::invalid_value, ending.pos,
                    "ending ids are letters, digits, '-' and '_', found '" + ending.id.substr(0, 64) + "'");
            if (r_.is_map(value, "ending '" + ending.id + "'")) {
                auto e = r_.entries(value, ending_keys, "ending '" + ending.id + "'");
                if (auto* o = find(e, "outcome")) {
                    if (auto t = r_.text(*o, "outcome")) {
                        if (auto out = parse_outcome(*t)) ending.outcome = *out;
                        else {
                            r_.diags().error(codes::invalid_value, pos_of(*o),
                                             "'outcome' must be one of " + comma_list(outcome_names()) + "; found '" +
                                                 t->substr(0, 40) + "'" + r_.diags().did_you_mean(*t, outcome_names()));
                        }
                    }
                } else r_.missing(ending.pos, "outcome", "ending '" + ending.id + "'");
                required_text(e, "text", ending.text, ending.pos, "ending '" + ending.id + "'");
            }
            s_.endings.push_back(std::move(ending));
        }
    }

    // Shared with sidecar *.test.yaml files (walkthrough_reader.cpp).
    void read_tests(const YAML::Node& n) { read_walkthrough_list(r_, n, s_.tests); }

    FieldReader& r_;
    Scenario& s_;
};

}  // namespace

std::optional<Scenario> read_scenario(std::string_view bytes, const std::string& file, DiagnosticList& diags) {
    if (!guard_bytes(bytes, diags) || !guard_yaml_values(bytes, diags)) return std::nullopt;

    YAML::Node root;
    try {
        root = YAML::Load(std::string(bytes));
    } catch (const YAML::DeepRecursion& e) {
        diags.error(codes::nesting_too_deep,
                    {static_cast<uint32_t>(e.mark.line + 1), static_cast<uint32_t>(e.mark.column + 1)},
                    "nesting is too deep");
        return std::nullopt;
    } catch (const YAML::ParserException& e) {
        report_syntax_error(bytes, e.mark, e.msg, diags);
        return std::nullopt;
    } catch (const std::exception& e) {
        diags.error(codes::yaml_syntax, {1, 1}, std::string("YAML could not be read: ") + e.what());
        return std::nullopt;
    }

    if (!root.IsDefined() || root.IsNull()) {
        diags.error(codes::empty_file, {1, 1},
                    "the file is empty; a scenario needs at least id, title, summary, customer, needs, start, nodes "
                    "and endings");
        return std::nullopt;
    }
    if (!root.IsMap()) {
        diags.error(codes::wrong_type, pos_of(root),
                    "a scenario file is a mapping of keys (id:, title:, ...), found " + kind_name(root));
        return std::nullopt;
    }

    Scenario s;
    s.file = file;
    s.content_hash = hash_content(bytes);
    FieldReader reader(diags, yaml_value_budget(bytes.size()));
    try {
        ScenarioReader(reader, s).read(root);
    } catch (const YAML::Exception& e) {
        // yaml-cpp can still throw on odd trees (bad conversions); an author error, not a crash.
        diags.error(codes::yaml_syntax,
                    {static_cast<uint32_t>(std::max(0, e.mark.line) + 1),
                     static_cast<uint32_t>(std::max(0, e.mark.column) + 1)},
                    "YAML could not be read: " + e.msg);
        return std::nullopt;
    }
    if (reader.over_budget()) return std::nullopt;
    return s;
}

std::map<std::string, std::vector<std::string>> scenario_keys() {
    return {{"scenario", top_keys},      {"customer", customer_keys}, {"walkout", walkout_keys},
            {"portrait", portrait_keys}, {"voice", voice_keys},       {"full_marks", pass_keys},
            {"needs", needs_keys},       {"scoring", scoring_keys},   {"pass", pass_keys},
            {"patience", patience_keys}, {"node", node_keys},         {"customer_line", line_keys},
            {"choice", choice_keys},     {"ending", ending_keys},     {"walkthrough", walkthrough_keys()},
            {"expect", expect_keys()}};
}

}  // namespace frontline
