#pragma once
//! How a certificate fingerprint is shown, the same on the host's screen and the guest's, so
//! people can compare them: two lines of 16 bytes, in a fixed-width font.

#include <QFontDatabase>
#include <QLabel>
#include <QString>

namespace kith::app {

inline QString fingerprintLines(const QString &fingerprint)
{
    // 16 bytes are "AB:…:CD:", 48 characters; the colon stays, so removing the break restores it.
    return fingerprint.size() > 48 ? fingerprint.left(48) + QLatin1Char('\n') + fingerprint.mid(48) : fingerprint;
}

inline void styleFingerprint(QLabel *label)
{
    label->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setObjectName(label->objectName().isEmpty() ? QStringLiteral("Fingerprint") : label->objectName());
}

} // namespace kith::app
