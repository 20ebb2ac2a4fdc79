// libFuzzer target: the expression compiler, then evaluation of what compiles, in a few
// environments (zero, large and negative values), as the runner and the analysis do.
#include "frontline/expression.hpp"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>

using namespace frontline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    static const Symbols symbols{{"asked", "count", "offered_dessert", "apologies"},
                                 {ValueType::boolean, ValueType::integer, ValueType::boolean, ValueType::integer}};
    DiagnosticList diags("fuzz.yaml");
    Expression e = compile_expression(text, {1, 1}, symbols, diags);
    if (e.empty()) return 0;
    if (diags.has_errors()) __builtin_trap();  // errors give an empty expression
    for (Value v : {Value{0}, Value{1}, std::numeric_limits<Value>::max(), std::numeric_limits<Value>::min()}) {
        const Value vars[] = {v != 0, v, v == 0, -(v / 2)};
        Environment env{vars, {v, v, v, v}};
        (void)e.evaluate(env);
    }
    (void)e.vars_read();
    return 0;
}
