#pragma once
//! "Host a LAN party": a name and an optional password to start one; while it runs, where
//! friends join (the address and an invite link), how many are here, and "End the party".

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace kith::app {

class HostPartyDialog : public QDialog
{
    Q_OBJECT
public:
    explicit HostPartyDialog(const QString &suggestedName, QWidget *parent = nullptr);

    //! Shows the running party (or the form when `address` is empty).
    void showRunning(const QString &name, const QString &address, const QString &link, int people,
                     const QString &fingerprint = {});
    QString fingerprintText() const;
    QString partyName() const;
    QString password() const;
    QString linkText() const;
    QString peopleText() const;
    QPushButton *startButton() const { return m_start; }
    QPushButton *endButton() const { return m_end; }

signals:
    void startRequested(const QString &name, const QString &password);
    void endRequested();

private:
    QStackedWidget *m_pages;
    QLineEdit *m_name;
    QLineEdit *m_password;
    QPushButton *m_start;
    QLabel *m_runningTitle;
    QLabel *m_address;
    QLineEdit *m_link;
    QLabel *m_people;
    QLabel *m_security;
    QLabel *m_fingerprint;
    QPushButton *m_end;
};

} // namespace kith::app
