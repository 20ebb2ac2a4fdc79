// Expression compiler and evaluator.
// Sections: tokens, the recursive-descent compiler (depth-bounded), evaluation.
#include "frontline/expression.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <stdexcept>

namespace frontline {

std::string_view builtin_name(Builtin b) {
    switch (b) {
        case Builtin::mood: return "mood";
        case Builtin::technical: return "technical";
        case Builtin::personal: return "personal";
        case Builtin::turn: return "turn";
    }
    return "?";
}

namespace {

constexpr int max_nesting = 32;
constexpr int max_stack = 128;
constexpr int64_t max_literal = 1'000'000'000;

enum class Tok { end, integer, ident, lparen, rparen, plus, minus, eq, ne, lt, le, gt, ge, bad };

struct Token {
    Tok kind = Tok::end;
    size_t offset = 0;
    std::string_view text;
};

bool is_ident_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_ident_char(char c) { return is_ident_start(c) || (c >= '0' && c <= '9'); }

}  // namespace

class ExpressionCompiler {
public:
    ExpressionCompiler(std::string_view text, SourcePos start, const Symbols& symbols, DiagnosticList& diags)
        : text_(text), start_(start), symbols_(symbols), diags_(diags) {}

    Expression compile() {
        out_.source_ = std::string(text_);
        if (text_.size() > max_expression_length) {
            error(0, "expression is longer than " + std::to_string(max_expression_length) + " characters");
            return {};
        }
        advance();
        if (tok_.kind == Tok::end) {
            error(0, "expected an expression, found nothing");
            return {};
        }
        ValueType t = parse_or();
        if (!failed_ && tok_.kind != Tok::end) error(tok_.offset, "unexpected '" + std::string(tok_.text) + "'" + hint(tok_.text));
        if (failed_) return {};
        out_.type_ = t;
        return std::move(out_);
    }

private:
    // --- tokens ---------------------------------------------------------------
    void advance() {
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r')) ++pos_;
        tok_ = {Tok::end, pos_, {}};
        if (pos_ >= text_.size()) return;
        size_t begin = pos_;
        char c = text_[pos_];
        auto two = [&](char next) { return pos_ + 1 < text_.size() && text_[pos_ + 1] == next; };
        if (c >= '0' && c <= '9') {
            while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
            tok_.kind = Tok::integer;
        } else if (is_ident_start(c)) {
            while (pos_ < text_.size() && is_ident_char(text_[pos_])) ++pos_;
            tok_.kind = Tok::ident;
        } else if (c == '(') { tok_.kind = Tok::lparen; ++pos_; }
        else if (c == ')') { tok_.kind = Tok::rparen; ++pos_; }
        else if (c == '+') { tok_.kind = Tok::plus; ++pos_; }
        else if (c == '-') { tok_.kind = Tok::minus; ++pos_; }
        else if (c == '=' && two('=')) { tok_.kind = Tok::eq; pos_ += 2; }
        else if (c == '!' && two('=')) { tok_.kind = Tok::ne; pos_ += 2; }
        else if (c == '<' && two('=')) { tok_.kind = Tok::le; pos_ += 2; }
        else if (c == '>' && two('=')) { tok_.kind = Tok::ge; pos_ += 2; }
        else if (c == '<') { tok_.kind = Tok::lt; ++pos_; }
        else if (c == '>') { tok_.kind = Tok::gt; ++pos_; }
        else {
            tok_.kind = Tok::bad;
            ++pos_;
            if ((c == '&' && two('&')) || (c == '|' && two('|')) || (c == '=' && two('='))) ++pos_;
        }
        tok_.text = text_.substr(begin, pos_ - begin);
    }

    static std::string hint(std::string_view t) {
        if (t == "&&" || t == "&") return " (write 'and')";
        if (t == "||" || t == "|") return " (write 'or')";
        if (t == "!") return " (write 'not')";
        if (t == "=") return " (write '==' to compare)";
        if (t == "*" || t == "/" || t == "%") return " (only + and - are supported)";
        return {};
    }

    void error(size_t offset, std::string message) {
        if (failed_) return;  // one message per expression: later ones are usually fallout
        failed_ = true;
        SourcePos at = start_;
        if (at.line > 0) at.column += static_cast<uint32_t>(offset);
        diags_.error(code_, at, std::move(message));
    }

    void emit(Expression::Op op, int64_t arg = 0, int stack_change = 0) {
        out_.code_.push_back({op, arg});
        depth_ += stack_change;
        out_.max_stack_ = std::max(out_.max_stack_, depth_);
        if (depth_ > max_stack) error(tok_.offset, "expression is too complex");
    }

    bool expect_type(ValueType got, ValueType want, size_t offset, std::string_view what) {
        if (got == want || failed_) return true;
        code_ = codes::type_mismatch;
        error(offset, std::string(what) + " needs " + (want == ValueType::boolean ? "a true/false value" : "a number") +
                          ", but this is " + (got == ValueType::boolean ? "true/false" : "a number"));
        code_ = codes::expression_syntax;
        return false;
    }

    // --- grammar: or > and > not > comparison > sum > unary > primary ----------
    ValueType parse_or() { return parse_logical("or", Expression::Op::or_, &ExpressionCompiler::parse_and); }
    ValueType parse_and() { return parse_logical("and", Expression::Op::and_, &ExpressionCompiler::parse_not); }

    /// 'or' and 'and': left-associative, true/false on both sides.
    ValueType parse_logical(std::string_view word, Expression::Op op, ValueType (ExpressionCompiler::*operand)()) {
        std::string what = "'";  // built in steps: GCC 12 -O3 warns falsely on "'" + s + "'"
        what += word;
        what += '\'';
        size_t at = tok_.offset;
        ValueType left = (this->*operand)();
        while (!failed_ && tok_.kind == Tok::ident && tok_.text == word) {
            advance();
            expect_type(left, ValueType::boolean, at, what);
            size_t right_at = tok_.offset;
            ValueType right = (this->*operand)();
            expect_type(right, ValueType::boolean, right_at, what);
            emit(op, 0, -1);
            left = ValueType::boolean;
        }
        return left;
    }

    ValueType parse_not() {
        if (tok_.kind == Tok::ident && tok_.text == "not") {
            if (++nesting_ > max_nesting) { error(tok_.offset, "expression is nested too deeply"); return ValueType::boolean; }
            advance();
            size_t at = tok_.offset;
            ValueType t = parse_not();
            --nesting_;
            expect_type(t, ValueType::boolean, at, "'not'");
            emit(Expression::Op::not_);
            return ValueType::boolean;
        }
        return parse_comparison();
    }

    ValueType parse_comparison() {
        size_t at = tok_.offset;
        ValueType left = parse_sum();
        Expression::Op op;
        switch (tok_.kind) {
            case Tok::eq: op = Expression::Op::eq; break;
            case Tok::ne: op = Expression::Op::ne; break;
            case Tok::lt: op = Expression::Op::lt; break;
            case Tok::le: op = Expression::Op::le; break;
            case Tok::gt: op = Expression::Op::gt; break;
            case Tok::ge: op = Expression::Op::ge; break;
            default: return left;
        }
        std::string op_text(tok_.text);
        advance();
        size_t right_at = tok_.offset;
        ValueType right = parse_sum();
        bool equality = op == Expression::Op::eq || op == Expression::Op::ne;
        if (equality) {
            if (left != right && !failed_) {
                code_ = codes::type_mismatch;
                error(right_at, "'" + op_text + "' compares a number with true/false");
                code_ = codes::expression_syntax;
            }
        } else {
            expect_type(left, ValueType::integer, at, "'" + op_text + "'");
            expect_type(right, ValueType::integer, right_at, "'" + op_text + "'");
        }
        emit(op, 0, -1);
        switch (tok_.kind) {
            case Tok::eq: case Tok::ne: case Tok::lt: case Tok::le: case Tok::gt: case Tok::ge:
                error(tok_.offset, "comparisons cannot be chained; join them with 'and'");
                break;
            default: break;
        }
        return ValueType::boolean;
    }

    ValueType parse_sum() {
        size_t at = tok_.offset;
        ValueType left = parse_unary();
        while (!failed_ && (tok_.kind == Tok::plus || tok_.kind == Tok::minus)) {
            bool plus = tok_.kind == Tok::plus;
            std::string op_text(tok_.text);
            advance();
            expect_type(left, ValueType::integer, at, "'" + op_text + "'");
            size_t right_at = tok_.offset;
            ValueType right = parse_unary();
            expect_type(right, ValueType::integer, right_at, "'" + op_text + "'");
            emit(plus ? Expression::Op::add : Expression::Op::sub, 0, -1);
            left = ValueType::integer;
        }
        return left;
    }

    ValueType parse_unary() {
        if (tok_.kind == Tok::minus) {
            if (++nesting_ > max_nesting) { error(tok_.offset, "expression is nested too deeply"); return ValueType::integer; }
            advance();
            size_t at = tok_.offset;
            ValueType t = parse_unary();
            --nesting_;
            expect_type(t, ValueType::integer, at, "'-'");
            emit(Expression::Op::neg);
            return ValueType::integer;
        }
        return parse_primary();
    }

    ValueType parse_primary() {
        if (failed_) return ValueType::integer;
        Token t = tok_;
        switch (t.kind) {
            case Tok::integer: {
                int64_t v = 0;
                auto [ptr, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), v);
                if (ec != std::errc{} || v > max_literal) {
                    code_ = codes::out_of_range;
                    error(t.offset, "number " + std::string(t.text) + " is too large (at most " + std::to_string(max_literal) + ")");
                    code_ = codes::expression_syntax;
                }
                advance();
                emit(Expression::Op::push, v, +1);
                return ValueType::integer;
            }
            case Tok::ident: {
                advance();
                if (t.text == "true" || t.text == "false") {
                    emit(Expression::Op::push, t.text == "true" ? 1 : 0, +1);
                    return ValueType::boolean;
                }
                if (t.text == "and" || t.text == "or" || t.text == "not") {
                    error(t.offset, "expected a value before '" + std::string(t.text) + "'");
                    return ValueType::boolean;
                }
                const auto& names = symbols_.var_names;
                for (size_t i = 0; i < names.size(); ++i) {
                    if (names[i] == t.text) {
                        emit(Expression::Op::load_var, static_cast<int64_t>(i), +1);
                        return symbols_.var_types[i];
                    }
                }
                for (int b = 0; b < builtin_count; ++b) {
                    if (builtin_name(static_cast<Builtin>(b)) == t.text) {
                        emit(Expression::Op::load_builtin, b, +1);
                        return ValueType::integer;  // every built-in is a number
                    }
                }
                std::vector<std::string> candidates = names;
                for (int b = 0; b < builtin_count; ++b) candidates.emplace_back(builtin_name(static_cast<Builtin>(b)));
                code_ = codes::unknown_variable;
                error(t.offset, "unknown variable '" + std::string(t.text) + "'" +
                                    diags_.did_you_mean(t.text, candidates) + "; declare it under 'vars:'");
                code_ = codes::expression_syntax;
                return ValueType::integer;
            }
            case Tok::lparen: {
                if (++nesting_ > max_nesting) { error(t.offset, "expression is nested too deeply"); return ValueType::integer; }
                advance();
                ValueType inner = parse_or();
                --nesting_;
                if (!failed_ && tok_.kind != Tok::rparen) error(tok_.offset, "expected ')' to close the '(' at column " + std::to_string(start_.column + t.offset));
                advance();
                return inner;
            }
            case Tok::end:
                error(t.offset, "expression ends too early: expected a value");
                return ValueType::integer;
            default:
                error(t.offset, "unexpected '" + std::string(t.text) + "'" + hint(t.text));
                return ValueType::integer;
        }
    }

    std::string_view text_;
    SourcePos start_;
    const Symbols& symbols_;
    DiagnosticList& diags_;
    DiagnosticCode code_ = codes::expression_syntax;
    Expression out_;
    Token tok_;
    size_t pos_ = 0;
    int depth_ = 0;
    int nesting_ = 0;
    bool failed_ = false;
};

Expression compile_expression(std::string_view text, SourcePos start, const Symbols& symbols, DiagnosticList& diags) {
    return ExpressionCompiler(text, start, symbols, diags).compile();
}

// --- evaluation ---------------------------------------------------------------

namespace {
int64_t saturate_add(int64_t a, int64_t b) {
    int64_t r;
    if (__builtin_add_overflow(a, b, &r)) return b > 0 ? INT64_MAX : INT64_MIN;
    return r;
}
int64_t saturate_sub(int64_t a, int64_t b) {
    int64_t r;
    if (__builtin_sub_overflow(a, b, &r)) return b < 0 ? INT64_MAX : INT64_MIN;
    return r;
}
}  // namespace

Value Expression::evaluate(const Environment& env) const {
    // The compiler bounds the stack, so a fixed array avoids an allocation per call.
    std::array<int64_t, max_stack + 1> stack;
    int top = 0;
    // Pops the right operand and replaces the left with f(left, right).
    auto binary = [&stack, &top](auto f) {
        const int64_t right = stack[--top];
        int64_t& left = stack[top - 1];
        left = f(left, right);
    };
    for (const Instr& in : code_) {
        switch (in.op) {
            case Op::push: stack[top++] = in.arg; break;
            case Op::load_var: stack[top++] = env.vars[static_cast<size_t>(in.arg)]; break;
            case Op::load_builtin: stack[top++] = env.builtins[in.arg]; break;
            case Op::neg: stack[top - 1] = saturate_sub(0, stack[top - 1]); break;
            case Op::not_: stack[top - 1] = !stack[top - 1]; break;
            // Every op is listed (no default), so a new one that is not evaluated here
            // does not compile (-Wswitch, an error in this build).
            case Op::add: binary(saturate_add); break;
            case Op::sub: binary(saturate_sub); break;
            case Op::eq: binary([](int64_t a, int64_t b) -> int64_t { return a == b; }); break;
            case Op::ne: binary([](int64_t a, int64_t b) -> int64_t { return a != b; }); break;
            case Op::lt: binary([](int64_t a, int64_t b) -> int64_t { return a < b; }); break;
            case Op::le: binary([](int64_t a, int64_t b) -> int64_t { return a <= b; }); break;
            case Op::gt: binary([](int64_t a, int64_t b) -> int64_t { return a > b; }); break;
            case Op::ge: binary([](int64_t a, int64_t b) -> int64_t { return a >= b; }); break;
            case Op::and_: binary([](int64_t a, int64_t b) -> int64_t { return a && b; }); break;
            case Op::or_: binary([](int64_t a, int64_t b) -> int64_t { return a || b; }); break;
        }
    }
    return top > 0 ? stack[0] : 0;
}

std::vector<int> Expression::vars_read() const {
    std::vector<int> out;
    for (const Instr& in : code_)
        if (in.op == Op::load_var) out.push_back(static_cast<int>(in.arg));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

bool Expression::reads_builtin(Builtin b) const {
    return std::any_of(code_.begin(), code_.end(), [b](const Instr& in) {
        return in.op == Op::load_builtin && in.arg == static_cast<int64_t>(b);
    });
}

}  // namespace frontline
