// The small, safe expression language of `if:` and `set:`.
// Integers and booleans only, no calls, no loops: evaluation is linear in the
// expression's length, so a hostile scenario cannot make the runner hang.
#pragma once

#include "frontline/diagnostic.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace frontline {

enum class ValueType : uint8_t { integer, boolean };

/// A variable's value. Booleans are stored as 0/1; the type is checked at load time.
using Value = int64_t;

/// Read-only values every expression may use, after the scenario's own vars.
enum class Builtin : uint8_t { mood, technical, personal, turn };
inline constexpr int builtin_count = 4;
std::string_view builtin_name(Builtin b);

/// Names the compiler resolves identifiers against.
struct Symbols {
    std::vector<std::string> var_names;  ///< index = variable slot
    std::vector<ValueType> var_types;
};

/// Where an expression reads its values from at run time.
struct Environment {
    std::span<const Value> vars;
    Value builtins[builtin_count] = {};
};

/// A compiled expression: postfix code over a flat array, evaluated with a small stack.
class Expression {
public:
    enum class Op : uint8_t { push, load_var, load_builtin, neg, add, sub, eq, ne, lt, le, gt, ge, and_, or_, not_ };
    struct Instr {
        Op op;
        int64_t arg = 0;
    };

    bool empty() const { return code_.empty(); }
    ValueType type() const { return type_; }
    const std::string& source() const { return source_; }
    Value evaluate(const Environment& env) const;
    /// Variable slots this expression reads (for "set but never read" analysis).
    std::vector<int> vars_read() const;
    bool reads_builtin(Builtin b) const;

private:
    friend class ExpressionCompiler;
    std::vector<Instr> code_;
    ValueType type_ = ValueType::boolean;
    std::string source_;
    int max_stack_ = 0;
};

/// Compiles source text; errors point inside the expression (`start` is where the
/// text begins in the file, so the column of a bad token is exact on one-line values).
/// Returns an empty Expression when there were errors.
Expression compile_expression(std::string_view text, SourcePos start, const Symbols& symbols,
                              DiagnosticList& diags);

/// Longest expression accepted; keeps evaluation and compile-time recursion bounded.
inline constexpr size_t max_expression_length = 1000;

}  // namespace frontline
