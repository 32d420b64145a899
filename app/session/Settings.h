#pragma once
//! Writing the app's settings file. QSettings rewrites and syncs the whole file for any
//! setValue, even of the value it already holds; on the GUI thread, at every start, that is a
//! locked, synced file write on the way to the first window. Only a change is written.

#include <QSettings>
#include <QVariant>

namespace kith::app {

//! Sets `key` unless it already holds `value` (compared in `value`'s type: the file keeps text).
inline void storeSetting(QSettings *settings, const QString &key, const QVariant &value)
{
    QVariant held = settings->value(key);
    if (held.isValid() && held.convert(value.metaType()) && held == value)
        return;
    settings->setValue(key, value);
}

} // namespace kith::app
