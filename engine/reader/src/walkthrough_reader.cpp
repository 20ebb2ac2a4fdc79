// Walkthrough lists (`tests:`) for both the scenario reader and sidecar
// *.test.yaml files. Sections: the list reader, YAML parsing, the sidecar file.
#include "frontline/walkthrough_reader.hpp"

#include "walkthrough_fields.hpp"

#include <yaml-cpp/depthguard.h>

#include <fstream>

namespace frontline {

namespace yaml_detail {

const std::vector<std::string>& walkthrough_keys() {
    static const std::vector<std::string> keys = {"name", "choices", "expect"};
    return keys;
}

const std::vector<std::string>& expect_keys() {
    static const std::vector<std::string> keys = {"ending", "outcome", "technical", "personal", "mood", "lines"};
    return keys;
}

namespace {

std::optional<Walkthrough::Range> read_range(FieldReader& r, const YAML::Node& n, std::string_view what, int min, int max) {
    Walkthrough::Range range;
    range.pos = pos_of(n);
    if (n.IsScalar()) {
        auto v = r.integer(n, what, min, max);
        if (!v) return std::nullopt;
        range.min = range.max = static_cast<int>(*v);
        return range;
    }
    if (!n.IsSequence() || n.size() != 2) {
        r.diags().error(
            codes::wrong_type, pos_of(n),
            "'" + std::string(what) + "' should be a range [min, max] or one number, found " + kind_name(n));
        return std::nullopt;
    }
    auto lo = r.integer(n[0], what, min, max);
    auto hi = r.integer(n[1], what, min, max);
    if (!lo || !hi) return std::nullopt;
    if (*lo > *hi) {
        r.diags().error(
            codes::out_of_range, pos_of(n),
            "'" + std::string(what) + "' range is empty: " + std::to_string(*lo) + " > " + std::to_string(*hi));
        return std::nullopt;
    }
    range.min = static_cast<int>(*lo);
    range.max = static_cast<int>(*hi);
    return range;
}

/// Steps: a number is a position among the shown choices, anything else the start of a choice's text.
bool read_steps(FieldReader& r, const YAML::Node& choices, Walkthrough& t) {
    if (!r.is_list(choices, "choices")) return true;
    for (const auto& step : choices) {
        if (!r.visit(step)) return false;
        Walkthrough::Step st;
        st.pos = pos_of(step);
        if (!step.IsScalar()) {
            r.diags().error(codes::wrong_type, st.pos,
                            "a walkthrough step is a choice number or the start of its text, found " + kind_name(step));
            continue;
        }
        const std::string& s = step.Scalar();
        int v = 0;
        auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (step.Tag() != "!" && ec == std::errc{} && ptr == s.data() + s.size()) {
            if (v < 1 || v > 9) {
                r.diags().error(codes::out_of_range, st.pos, "choice number " + s + " is outside 1..9");
                continue;
            }
            st.index = v;
        } else {
            st.prefix = s;
        }
        t.steps.push_back(std::move(st));
    }
    return true;
}

void read_expect(FieldReader& r, const YAML::Node& expect, Walkthrough& t) {
    if (!r.is_map(expect, "expect")) return;
    auto x = r.entries(expect, expect_keys(), "expect");
    if (auto* v = find(x, "ending")) {
        t.ending_pos = pos_of(*v);
        if (auto s = r.text(*v, "ending")) t.ending = *s;
    }
    if (auto* v = find(x, "outcome")) {
        t.outcome_pos = pos_of(*v);
        if (auto s = r.text(*v, "outcome")) {
            t.outcome = parse_outcome(*s);
            if (!t.outcome)
                r.diags().error(codes::invalid_value, pos_of(*v),
                                "'outcome' must be one of " + comma_list(outcome_names()));
        }
    }
    if (auto* v = find(x, "technical")) t.technical = read_range(r, *v, "technical", 0, 100);
    if (auto* v = find(x, "personal")) t.personal = read_range(r, *v, "personal", 0, 100);
    if (auto* v = find(x, "mood")) t.mood = read_range(r, *v, "mood", 0, 100);
    if (auto* v = find(x, "lines")) {
        if (v->IsScalar()) t.lines.emplace_back(v->Scalar(), pos_of(*v));
        else if (r.is_list(*v, "lines"))
            for (const auto& line : *v)
                if (auto s = r.text(line, "lines")) t.lines.emplace_back(*s, pos_of(line));
    }
}

}  // namespace

void read_walkthrough_list(FieldReader& r, const YAML::Node& n, std::vector<Walkthrough>& out) {
    if (!r.is_list(n, "tests")) return;
    for (const auto& item : n) {
        if (!r.visit(item)) return;
        Walkthrough t;
        t.pos = pos_of(item);
        if (!r.is_map(item, "walkthrough")) continue;
        auto e = r.entries(item, walkthrough_keys(), "walkthrough");
        if (auto* name = find(e, "name")) {
            if (auto s = r.text(*name, "name")) t.name = *s;
        } else {
            t.name = "walkthrough at line " + std::to_string(t.pos.line);
        }
        if (auto* choices = find(e, "choices")) {
            if (!read_steps(r, *choices, t)) return;
        } else {
            r.missing(t.pos, "choices", "walkthrough");
        }
        if (auto* expect = find(e, "expect")) read_expect(r, *expect, t);
        out.push_back(std::move(t));
    }
}

std::optional<YAML::Node> parse_yaml_root(std::string_view bytes, DiagnosticList& diags) {
    auto at = [](const YAML::Mark& m) {
        return SourcePos{static_cast<uint32_t>(std::max(0, m.line) + 1), static_cast<uint32_t>(std::max(0, m.column) + 1)};
    };
    try {
        return YAML::Load(std::string(bytes));
    } catch (const YAML::DeepRecursion& e) {
        diags.error(codes::nesting_too_deep, at(e.mark), "nesting is too deep");
    } catch (const YAML::ParserException& e) {
        report_syntax_error(bytes, e.mark, e.msg, diags);
    } catch (const std::exception& e) {
        diags.error(codes::yaml_syntax, {1, 1}, std::string("YAML could not be read: ") + e.what());
    }
    return std::nullopt;
}

}  // namespace yaml_detail

using namespace yaml_detail;

namespace {
std::optional<std::vector<Walkthrough>> read_walkthroughs_unguarded(std::string_view bytes, DiagnosticList& diags) {
    if (!guard_bytes(bytes, diags) || !guard_yaml_values(bytes, diags)) return std::nullopt;
    std::optional<YAML::Node> root = parse_yaml_root(bytes, diags);
    if (!root) return std::nullopt;
    if (!root->IsDefined() || root->IsNull()) {
        diags.error(codes::empty_file, {1, 1}, "the file is empty; a walkthrough file needs a 'tests:' list");
        return std::nullopt;
    }
    if (!root->IsMap()) {
        diags.error(codes::wrong_type, pos_of(*root),
                    "a walkthrough file is a mapping with a 'tests:' list, found " + kind_name(*root));
        return std::nullopt;
    }
    std::vector<Walkthrough> out;
    FieldReader reader(diags, yaml_value_budget(bytes.size()));
    try {
        auto top = reader.entries(*root, {"tests"}, "");
        if (auto* tests = find(top, "tests")) read_walkthrough_list(reader, *tests, out);
        else reader.missing(pos_of(*root), "tests", "");
    } catch (const YAML::Exception& e) {
        diags.error(codes::yaml_syntax,
                    {static_cast<uint32_t>(std::max(0, e.mark.line) + 1),
                     static_cast<uint32_t>(std::max(0, e.mark.column) + 1)},
                    "YAML could not be read: " + e.msg);
        return std::nullopt;
    }
    if (reader.over_budget()) return std::nullopt;
    return out;
}
}  // namespace

std::optional<std::vector<Walkthrough>> read_walkthroughs(std::string_view bytes, DiagnosticList& diags) {
    try {
        return read_walkthroughs_unguarded(bytes, diags);
    } catch (const std::bad_alloc&) {
        report_out_of_memory(diags, "reading the walkthroughs");
        return std::nullopt;
    }
}

std::optional<std::vector<Walkthrough>> load_walkthroughs(const std::filesystem::path& path, DiagnosticList& diags) {
    std::error_code ec;
    auto size = std::filesystem::file_size(path, ec);
    if (ec) {
        diags.error(codes::io_error, {}, "cannot open the file: " + ec.message());
        return std::nullopt;
    }
    if (size > max_scenario_bytes) {
        diags.error(codes::file_too_large, {1, 1},
                    "the file is " + std::to_string(size / 1024) + " KiB; walkthrough files may be at most " +
                        std::to_string(max_scenario_bytes / (1024 * 1024)) + " MiB");
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    std::string bytes(static_cast<size_t>(size), '\0');
    if (!in || !in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
        diags.error(codes::io_error, {}, "cannot read the file");
        return std::nullopt;
    }
    return read_walkthroughs(bytes, diags);
}

std::filesystem::path sidecar_path(const std::filesystem::path& scenario) {
    std::filesystem::path out = scenario;
    std::string ext = scenario.extension().string();
    return out.replace_extension(".test" + (ext.empty() ? std::string(".yaml") : ext));
}

}  // namespace frontline
