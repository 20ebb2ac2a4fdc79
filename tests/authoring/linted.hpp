// Shared by the lint tests: an inline scenario, loaded clean and linted, with its
// findings printed when an assertion fails.
#pragma once

#include "fixtures.hpp"

#include "frontline/lint.hpp"

#include <algorithm>

namespace frontline::test {

struct Linted {
    LoadedScenario loaded;
    DiagnosticList diags;
    LintReport report;
};

inline Linted lint(const std::string& yaml, const LintOptions& options = {}) {
    Linted out{load_clean(yaml), DiagnosticList("inline.yaml"), {}};
    out.report = lint_scenario(*out.loaded.scenario, out.diags, options);
    for (const auto& d : out.diags.items()) UNSCOPED_INFO(format_diagnostic(d));
    return out;
}

/// The first finding with `code`, or null.
inline const Diagnostic* find_code(const DiagnosticList& diags, std::string_view code) {
    auto it = std::find_if(diags.items().begin(), diags.items().end(), [&](const Diagnostic& d) { return d.code == code; });
    return it == diags.items().end() ? nullptr : &*it;
}

inline int count_code(const DiagnosticList& diags, std::string_view code) {
    return static_cast<int>(std::count_if(diags.items().begin(), diags.items().end(), [&](const Diagnostic& d) { return d.code == code; }));
}

}  // namespace frontline::test
