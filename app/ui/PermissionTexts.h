#pragma once
//! The names people read for permissions: one table (and one translation context) for the role
//! editor of the server settings and a channel's permissions page.

#include "shared/PermissionSet.h"

#include <QList>
#include <QString>

namespace kith::app {

struct PermissionText {
    Permission permission;
    QString name; //!< translated
    QString help; //!< translated; empty when the name says it all
};

//! Every permission a role may hold, in the order Discord lists them (the role editor's switches).
QList<PermissionText> rolePermissionTexts();
//! The permissions a channel's overwrites may set, in the same order, worded for one channel.
QList<PermissionText> channelPermissionTexts();

} // namespace kith::app
