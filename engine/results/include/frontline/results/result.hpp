// What every store operation returns: a value, or a StoreError a person can read.
// The game shows the message and carries on without results; nothing throws.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace frontline::results {

/// Why the results store could not do something. `message` is a whole sentence
/// naming the file, fit to show on screen as is.
struct StoreError {
    enum class Kind : uint8_t {
        cannot_open,  ///< the file or its folder could not be created or opened
        corrupt,      ///< not a database, or it fails PRAGMA quick_check: left untouched
        not_ours,     ///< a database, but not a Frontline results database: left untouched
        too_new,      ///< written by a newer Frontline (schema version above ours): left untouched
        read_only,    ///< the file or its folder is not writable
        locked,       ///< another program held the database longer than the busy timeout
        invalid,      ///< a bad argument: empty trainee name, unknown attempt id, ...
        failed,       ///< any other SQLite or I/O failure
    };
    Kind kind = Kind::failed;
    std::string message;
};

/// A value or a StoreError (std::expected is C++23). [[nodiscard]]: a store write
/// whose failure nobody looks at is a result lost without a word.
template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(StoreError error) : v_(std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() { assert(ok()); return std::get<0>(v_); }
    const T& value() const { assert(ok()); return std::get<0>(v_); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const StoreError& error() const { assert(!ok()); return std::get<1>(v_); }

private:
    std::variant<T, StoreError> v_;
};

/// Success with nothing to return.
struct Done {};
using Status = Result<Done>;

}  // namespace frontline::results
