// A minimal ZIP writer: stored entries (no compression), enough for an LMS to unpack
// a course package. The web build's large files (.wasm, .data) are served as they are
// anyway; what matters to an LMS is a valid archive with the right paths.
#pragma once

#include <cstdint>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace frontline::cli {

/// CRC-32 (ISO 3309, the polynomial ZIP uses) of `data`, continuing from `crc`.
uint32_t crc32(std::string_view data, uint32_t crc = 0);

class ZipWriter {
public:
    /// Opens `path` for writing (truncating); check ok() before adding.
    explicit ZipWriter(const std::string& path);
    bool ok() const { return out_.good(); }
    /// Adds one file; `name` uses '/' and is relative (no leading '/', no "..").
    void add(const std::string& name, std::string_view data);
    /// Writes the central directory. False if anything failed to write.
    bool finish();

private:
    struct Entry {
        std::string name;
        uint32_t crc = 0;
        uint32_t size = 0;
        uint32_t offset = 0;
    };
    std::ofstream out_;
    std::vector<Entry> entries_;
    uint32_t written_ = 0;
    bool too_big_ = false;
    void put16(uint16_t v);
    void put32(uint32_t v);
    void put(std::string_view bytes);
};

}  // namespace frontline::cli
