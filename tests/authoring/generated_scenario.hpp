// A generated scenario of any size, built in code (a 100,000-node YAML file would
// exceed the reader's size limit): a chain of calls-within-a-call where each node
// offers a warm move, a quick move, and a shortcut shown only after an apology.
// Reachable states are about twice the node count, so lint cost can be read per state.
#pragma once

#include "frontline/check.hpp"
#include "frontline/scenario.hpp"

#include <stdexcept>
#include <string>

namespace frontline::test {

inline Scenario generated_scenario(int node_count) {
    Scenario s;
    s.file = "generated.yaml";
    s.id = "generated";
    s.title = "Generated";
    s.summary = "A generated chain.";
    s.customer.name = "Pat";
    s.needs = {"A thing", "Respect"};
    s.skills = {"say-no"};
    Variable apologised;
    apologised.name = "apologised";
    apologised.type = ValueType::boolean;
    apologised.initial = 0;
    s.vars.push_back(apologised);
    s.symbols.var_names = {"apologised"};
    s.symbols.var_types = {ValueType::boolean};
    DiagnosticList diags("generated.yaml");
    const Expression if_apologised = compile_expression("apologised", {1, 1}, s.symbols, diags);
    const Expression yes = compile_expression("true", {1, 1}, s.symbols, diags);
    const Expression no = compile_expression("false", {1, 1}, s.symbols, diags);
    auto node_id = [](int i) { return "n" + std::to_string(i); };
    for (int i = 0; i < node_count; ++i) {
        Node node;
        node.id = node_id(i);
        CustomerLine line;
        line.text = "Line " + std::to_string(i);
        node.customer.push_back(std::move(line));
        const bool last = i + 1 == node_count;
        const std::string next = last ? "done" : node_id(i + 1);
        Choice warm;
        warm.say = "Warm " + std::to_string(i);
        warm.personal = 2;
        warm.set.push_back({0, yes, {}});
        warm.feedback = "Warm.";
        warm.next_name = next;
        Choice quick;
        quick.say = "Quick " + std::to_string(i);
        quick.technical = 2;
        quick.personal = -1;
        quick.set.push_back({0, no, {}});
        quick.feedback = "Quick.";
        quick.next_name = next;
        Choice shortcut;
        shortcut.say = "Shortcut " + std::to_string(i);
        shortcut.technical = 1;
        shortcut.personal = 1;
        shortcut.condition = if_apologised;
        shortcut.feedback = "Both, a little.";
        shortcut.next_name = last ? "done" : node_id(std::min(i + 2, node_count - 1));
        node.choices = {warm, quick, shortcut};
        s.nodes.push_back(std::move(node));
    }
    s.endings.push_back({"done", Outcome::satisfied, "Done.", {}, {}});
    s.start_name = "n0";
    if (diags.has_errors() || !check_scenario(s, diags, {}) || diags.has_errors())
        throw std::runtime_error("generated scenario does not check: " + (diags.items().empty() ? "" : diags.items()[0].message));
    return s;
}

}  // namespace frontline::test
