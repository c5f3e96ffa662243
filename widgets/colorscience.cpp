#include "colorscience.h"

#include <algorithm>
#include <cmath>

namespace StateScope {

namespace {
using Matrix = std::array<std::array<double, 3>, 3>;

constexpr Matrix kProtanopia {
    {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}};
constexpr Matrix kDeuteranopia {
    {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}};
constexpr Matrix kTritanopia {
    {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}};

double toLinear(double c)
{
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double radians(double degrees)
{
    return degrees * M_PI / 180.0;
}
} // namespace

ColorScience::Lab ColorScience::lab(const QColor &color, Vision vision)
{
    double rgb[3] = {toLinear(color.redF()), toLinear(color.greenF()), toLinear(color.blueF())};
    if (vision != Vision::Normal) {
        const Matrix &m = vision == Vision::Protanopia ? kProtanopia
            : vision == Vision::Deuteranopia           ? kDeuteranopia
                                                       : kTritanopia;
        double out[3];
        for (int i = 0; i < 3; ++i)
            out[i] = std::clamp(m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2], 0.0, 1.0);
        std::copy(std::begin(out), std::end(out), std::begin(rgb));
    }
    const double x = (0.4124564 * rgb[0] + 0.3575761 * rgb[1] + 0.1804375 * rgb[2]) / 0.95047;
    const double y = 0.2126729 * rgb[0] + 0.7151522 * rgb[1] + 0.0721750 * rgb[2];
    const double z = (0.0193339 * rgb[0] + 0.1191920 * rgb[1] + 0.9503041 * rgb[2]) / 1.08883;
    const auto f = [](double t) {
        return t > 216.0 / 24389.0 ? std::cbrt(t) : (24389.0 / 27.0 * t + 16.0) / 116.0;
    };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

double ColorScience::ciede2000(const Lab &p, const Lab &q)
{
    const double c1 = std::hypot(p[1], p[2]);
    const double c2 = std::hypot(q[1], q[2]);
    const double cBar7 = std::pow((c1 + c2) / 2, 7);
    const double g = 0.5 * (1 - std::sqrt(cBar7 / (cBar7 + std::pow(25.0, 7))));
    const double a1 = (1 + g) * p[1];
    const double a2 = (1 + g) * q[1];
    const double c1p = std::hypot(a1, p[2]);
    const double c2p = std::hypot(a2, q[2]);
    const auto hue = [](double b, double a) {
        const double h = std::atan2(b, a) * 180.0 / M_PI;
        return h < 0 ? h + 360 : h;
    };
    const double h1 = hue(p[2], a1);
    const double h2 = hue(q[2], a2);
    double dh = 0;
    if (c1p * c2p != 0) {
        dh = h2 - h1;
        dh += dh > 180 ? -360 : dh < -180 ? 360 : 0;
    }
    const double dL = q[0] - p[0];
    const double dC = c2p - c1p;
    const double dH = 2 * std::sqrt(c1p * c2p) * std::sin(radians(dh / 2));
    const double lBar = (p[0] + q[0]) / 2;
    const double cBarP = (c1p + c2p) / 2;
    double hBar = h1 + h2;
    if (c1p * c2p != 0)
        hBar = std::abs(h1 - h2) <= 180 ? (h1 + h2) / 2 : (h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2);
    const double t = 1 - 0.17 * std::cos(radians(hBar - 30)) + 0.24 * std::cos(radians(2 * hBar))
        + 0.32 * std::cos(radians(3 * hBar + 6)) - 0.20 * std::cos(radians(4 * hBar - 63));
    const double dTheta = 30 * std::exp(-std::pow((hBar - 275) / 25, 2));
    const double cBarP7 = std::pow(cBarP, 7);
    const double rc = 2 * std::sqrt(cBarP7 / (cBarP7 + std::pow(25.0, 7)));
    const double sl = 1 + 0.015 * std::pow(lBar - 50, 2) / std::sqrt(20 + std::pow(lBar - 50, 2));
    const double sc = 1 + 0.045 * cBarP;
    const double sh = 1 + 0.015 * cBarP * t;
    const double rt = -std::sin(radians(2 * dTheta)) * rc;
    return std::sqrt(std::pow(dL / sl, 2) + std::pow(dC / sc, 2) + std::pow(dH / sh, 2) + rt * (dC / sc) * (dH / sh));
}

} // namespace StateScope
