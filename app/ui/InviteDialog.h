#pragma once
//! Shows a fresh invite as a kith:// link that carries the host's address (and the code alone,
//! for people already on this host), each with a button to copy it.

#include <QDialog>

namespace kith::app {

class InviteDialog : public QDialog
{
    Q_OBJECT
public:
    //! `link` may be empty when the host's address is not known.
    InviteDialog(const QString &guildName, const QString &code, const QString &link, QWidget *parent = nullptr);
};

} // namespace kith::app
