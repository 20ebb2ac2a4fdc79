#include "frontline/expression.hpp"

#include <catch2/catch.hpp>

using namespace frontline;

namespace {

struct Compiled {
    Expression expr;
    DiagnosticList diags{"f.yaml"};
};

Compiled compile(std::string_view text) {
    Symbols symbols;
    symbols.var_names = {"apologies", "offered_dessert"};
    symbols.var_types = {ValueType::integer, ValueType::boolean};
    Compiled c;
    c.expr = compile_expression(text, {3, 10}, symbols, c.diags);
    return c;
}

Value eval(std::string_view text, Value apologies = 2, Value offered = 0, int mood = 40) {
    Compiled c = compile(text);
    REQUIRE_FALSE(c.diags.has_errors());
    Value vars[] = {apologies, offered};
    Environment env;
    env.vars = vars;
    env.builtins[static_cast<int>(Builtin::mood)] = mood;
    env.builtins[static_cast<int>(Builtin::turn)] = 3;
    return c.expr.evaluate(env);
}

}  // namespace

TEST_CASE("arithmetic, comparison and logic evaluate with the usual precedence", "[expression]") {
    CHECK(eval("apologies + 1") == 3);
    CHECK(eval("1 - 2 - 3") == -4);
    CHECK(eval("-apologies + 5") == 3);
    CHECK(eval("mood >= 30 and not offered_dessert") == 1);
    CHECK(eval("mood >= 30 and not offered_dessert", 2, 1) == 0);
    CHECK(eval("mood < 30 or apologies == 2") == 1);
    CHECK(eval("not (mood < 30 or apologies == 2)") == 0);
    CHECK(eval("true and false or true") == 1);
    CHECK(eval("turn + mood") == 43);
    CHECK(eval("offered_dessert == false") == 1);
}

TEST_CASE("types are known at compile time", "[expression]") {
    CHECK(compile("apologies + 1").expr.type() == ValueType::integer);
    CHECK(compile("apologies > 1").expr.type() == ValueType::boolean);
    CHECK(compile("offered_dessert").expr.type() == ValueType::boolean);
}

TEST_CASE("errors point at the column inside the expression", "[expression]") {
    SECTION("unknown variable, with a suggestion") {
        Compiled c = compile("apologiess > 1");
        REQUIRE(c.diags.items().size() == 1);
        const Diagnostic& d = c.diags.items()[0];
        CHECK(d.code == "FL031");
        CHECK(d.pos == SourcePos{3, 10});
        CHECK_THAT(d.message, Catch::Contains("did you mean 'apologies'"));
    }
    SECTION("syntax error at the bad token") {
        Compiled c = compile("mood >= && 3");
        REQUIRE(c.diags.items().size() == 1);
        CHECK(c.diags.items()[0].code == "FL030");
        CHECK(c.diags.items()[0].pos.column == 10 + 8);
        CHECK_THAT(c.diags.items()[0].message, Catch::Contains("write 'and'"));
    }
    SECTION("type mismatch") {
        Compiled c = compile("offered_dessert + 1");
        REQUIRE(c.diags.items().size() == 1);
        CHECK(c.diags.items()[0].code == "FL032");
    }
    SECTION("chained comparison") {
        CHECK(compile("1 < mood < 5").diags.items().at(0).code == "FL030");
    }
    SECTION("unclosed parenthesis") {
        Compiled c = compile("(mood > 3");
        CHECK_THAT(c.diags.items().at(0).message, Catch::Contains("expected ')'"));
    }
    SECTION("empty and single '='") {
        CHECK(compile("").diags.items().at(0).code == "FL030");
        CHECK_THAT(compile("mood = 3").diags.items().at(0).message, Catch::Contains("'=='"));
    }
    SECTION("a literal beyond the limit") {
        CHECK(compile("mood > 99999999999").diags.items().at(0).code == "FL014");
    }
}

TEST_CASE("hostile expressions are bounded", "[expression]") {
    CHECK(compile(std::string(2000, '(')).diags.has_errors());
    CHECK(compile(std::string(60, '(') + "1" + std::string(60, ')')).diags.items().at(0).message.find("nested") != std::string::npos);
    std::string long_sum = "1";
    for (int i = 0; i < 400; ++i) long_sum += " + 1";
    CHECK(compile(long_sum).diags.has_errors());  // over max_expression_length
    std::string ok_sum = "1";
    for (int i = 0; i < 100; ++i) ok_sum += " + 1";
    CHECK(eval(ok_sum) == 101);
}

TEST_CASE("arithmetic saturates instead of overflowing", "[expression]") {
    Symbols symbols{{"big"}, {ValueType::integer}};
    DiagnosticList diags;
    Expression e = compile_expression("big + big", {}, symbols, diags);
    Value vars[] = {INT64_MAX};
    Environment env;
    env.vars = vars;
    CHECK(e.evaluate(env) == INT64_MAX);
}

TEST_CASE("an expression reports what it reads", "[expression]") {
    Compiled c = compile("apologies > 0 and mood < 3");
    CHECK(c.expr.vars_read() == std::vector<int>{0});
    CHECK(c.expr.reads_builtin(Builtin::mood));
    CHECK_FALSE(c.expr.reads_builtin(Builtin::turn));
}
