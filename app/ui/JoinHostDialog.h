#pragma once
//! Joining a host the app is not on yet (from an invite link or the party list): as a guest
//! with a nickname (LAN parties), or with an account there. The hosts the app is on stay.

#include "net/Connection.h"

#include <QDialog>
#include <QUrl>

class QCheckBox;
class QLabel;
class QLineEdit;
class QTabWidget;

namespace kith::app {

class JoinHostDialog : public QDialog
{
    Q_OBJECT
public:
    //! `guestFirst`: open on the guest tab (a party); `passwordNeeded`: the party has one.
    JoinHostDialog(const QUrl &server, const QString &code, const QString &suggestedNickname, bool guestFirst,
                   bool passwordNeeded, QWidget *parent = nullptr);

    QUrl server() const { return m_server; }
    QString code() const { return m_code; }
    bool isGuest() const;
    Credentials credentials() const;
    //! A name for the host until it says its own (a party's name).
    void setLabel(const QString &label);
    //! The certificate the host is expected to show (from the link or its beacon): shown to
    //! compare with the host's screen, and pinned when joining.
    void setFingerprint(const QString &fingerprint);
    QString label() const { return m_label; }

signals:
    void joinRequested(const QUrl &server, const kith::app::Credentials &credentials, const QString &code,
                       const QString &label, const QString &fingerprint);

private:
    void sync();

    QUrl m_server;
    QString m_code;
    QString m_label;
    QString m_fingerprint;
    QLabel *m_security;
    QLabel *m_fingerprintLabel;
    QLabel *m_heading;
    QTabWidget *m_tabs;
    QLineEdit *m_nickname;
    QLineEdit *m_partyPassword;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QCheckBox *m_create;
    QPushButton *m_join = nullptr;
};

} // namespace kith::app
