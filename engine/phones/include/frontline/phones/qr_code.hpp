// The join address as a QR code (libqrencode), as a grid of modules any front end
// can draw: the projector as rectangles, a test as text.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace frontline::phones {

/// A QR code's modules, row by row, `size` x `size`; true = dark. Draw it with
/// a light quiet zone of 4 modules around it.
struct QrCode {
    int size = 0;
    std::vector<bool> dark;
    bool at(int x, int y) const { return dark[static_cast<size_t>(y * size + x)]; }
};

/// Encodes `text` (an address: 8-bit, error correction level M, the smallest
/// version that fits). nullopt if it is empty, holds a NUL or is too long for a QR code.
std::optional<QrCode> qr_code(std::string_view text);

}  // namespace frontline::phones
