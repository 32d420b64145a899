#include "ErrorCode.h"

#include <array>
#include <utility>

namespace kith {

namespace {
constexpr std::array<std::pair<ErrorCode, const char16_t *>, 9> kNames{{
    {ErrorCode::BadRequest, u"bad_request"},
    {ErrorCode::Unauthorized, u"unauthorized"},
    {ErrorCode::Forbidden, u"forbidden"},
    {ErrorCode::NotFound, u"not_found"},
    {ErrorCode::Conflict, u"conflict"},
    {ErrorCode::RateLimited, u"rate_limited"},
    {ErrorCode::TooLarge, u"too_large"},
    {ErrorCode::Unavailable, u"unavailable"},
    {ErrorCode::Internal, u"internal"},
}};
} // namespace

QString errorCodeName(ErrorCode code)
{
    for (const auto &[c, n] : kNames)
        if (c == code)
            return QString::fromUtf16(n);
    return QStringLiteral("internal");
}

bool errorCodeFromName(const QString &name, ErrorCode *out)
{
    for (const auto &[c, n] : kNames) {
        if (name == QStringView(n)) {
            *out = c;
            return true;
        }
    }
    return false;
}

} // namespace kith
