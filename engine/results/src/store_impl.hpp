// Private to the results library: what ResultsStore holds, and the one place
// where SqliteError becomes a StoreError a person can read.
#pragma once

#include "frontline/results/store.hpp"
#include "sqlite_db.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace frontline::results {

class ResultsStore::Impl {
public:
    std::filesystem::path path;
    bool read_only = false;
    detail::Connection db;
};

namespace detail {

/// "Results database /x/results.db: saving a choice failed (database is locked)."
/// with a kind chosen from the SQLite result code.
StoreError store_error(const std::filesystem::path& path, std::string_view doing, const SqliteError& e);
StoreError invalid_argument(std::string message);

/// Runs `body` and turns a SqliteError into a StoreError; anything else is a bug and propagates.
template <class T, class Body>
Result<T> guarded(const ResultsStore::Impl& impl, std::string_view doing, Body&& body) {
    try {
        return body();
    } catch (const SqliteError& e) {
        return store_error(impl.path, doing, e);
    }
}

/// Writes refused up front on a store opened read-only.
StoreError read_only_error(const std::filesystem::path& path);

}  // namespace detail
}  // namespace frontline::results
