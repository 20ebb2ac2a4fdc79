#include "zip_writer.hpp"

#include <array>
#include <limits>

namespace frontline::cli {

namespace {

const std::array<uint32_t, 256>& crc_table() {
    static const std::array<uint32_t, 256> table = [] {
        std::array<uint32_t, 256> t{};
        for (uint32_t i = 0; i < 256; ++i) {
            uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    return table;
}

// 1980-01-01 00:00: a fixed date, so the same inputs make the same archive.
constexpr uint16_t dos_time = 0;
constexpr uint16_t dos_date = (0 << 9) | (1 << 5) | 1;

}  // namespace

uint32_t crc32(std::string_view data, uint32_t crc) {
    crc = ~crc;
    for (unsigned char b : data) crc = crc_table()[(crc ^ b) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

ZipWriter::ZipWriter(const std::string& path) : out_(path, std::ios::binary | std::ios::trunc) {}

void ZipWriter::put16(uint16_t v) {
    const char b[2] = {static_cast<char>(v & 0xFF), static_cast<char>(v >> 8)};
    put(std::string_view(b, 2));
}

void ZipWriter::put32(uint32_t v) {
    const char b[4] = {static_cast<char>(v & 0xFF), static_cast<char>((v >> 8) & 0xFF),
                       static_cast<char>((v >> 16) & 0xFF), static_cast<char>(v >> 24)};
    put(std::string_view(b, 4));
}

void ZipWriter::put(std::string_view bytes) {
    out_.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (written_ > std::numeric_limits<uint32_t>::max() - bytes.size()) too_big_ = true;
    written_ += static_cast<uint32_t>(bytes.size());
}

void ZipWriter::add(const std::string& name, std::string_view data) {
    if (data.size() > std::numeric_limits<uint32_t>::max()) {
        too_big_ = true;  // no ZIP64 here: a course is far below 4 GiB
        return;
    }
    Entry e{name, crc32(data), static_cast<uint32_t>(data.size()), written_};
    put32(0x04034b50);  // local file header
    put16(10);          // version needed: 1.0 (stored)
    put16(0x0800);      // flags: names are UTF-8
    put16(0);           // method: stored
    put16(dos_time);
    put16(dos_date);
    put32(e.crc);
    put32(e.size);
    put32(e.size);
    put16(static_cast<uint16_t>(name.size()));
    put16(0);
    put(name);
    put(data);
    entries_.push_back(std::move(e));
}

bool ZipWriter::finish() {
    const uint32_t directory_at = written_;
    for (const Entry& e : entries_) {
        put32(0x02014b50);  // central directory header
        put16(0x031E);      // made by: Unix, 3.0
        put16(10);
        put16(0x0800);
        put16(0);
        put16(dos_time);
        put16(dos_date);
        put32(e.crc);
        put32(e.size);
        put32(e.size);
        put16(static_cast<uint16_t>(e.name.size()));
        put16(0);               // extra
        put16(0);               // comment
        put16(0);               // disk
        put16(0);               // internal attributes
        put32(0100644u << 16);  // external: a regular file, rw-r--r--
        put32(e.offset);
        put(e.name);
    }
    const uint32_t directory_size = written_ - directory_at;
    put32(0x06054b50);  // end of central directory
    put16(0);
    put16(0);
    put16(static_cast<uint16_t>(entries_.size()));
    put16(static_cast<uint16_t>(entries_.size()));
    put32(directory_size);
    put32(directory_at);
    put16(0);
    out_.flush();
    return out_.good() && !too_big_ && entries_.size() < 0xFFFF;
}

}  // namespace frontline::cli
