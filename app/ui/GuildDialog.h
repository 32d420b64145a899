#pragma once
//! "+" in the rail: create a server, or join one with an invite code.

#include "session/LanBrowser.h"

#include <QDialog>

class QLabel;
class QVBoxLayout;
class QLineEdit;
class QPushButton;
class QTabWidget;

namespace kith::app {

class GuildDialog : public QDialog
{
    Q_OBJECT
public:
    explicit GuildDialog(const QString &suggestedName, QWidget *parent = nullptr);
    bool isJoin() const;
    QString name() const;
    QString code() const;
    QString rawCode() const; //!< the join field as typed (a link, a URL and a code, or a code)
    void setJoin(bool join);
    void setCode(const QString &code);
    //! Shows why the join failed under the field; the dialog stays open to fix the code.
    void setError(const QString &text);
    QString errorText() const;
    void setBusy(bool busy);
    //! Lists the parties `browser` hears on the join tab (minus the one with `ownFingerprint`).
    void setPartyBrowser(LanBrowser *browser, const QString &ownFingerprint);

signals:
    //! OK on the join tab: the dialog stays open until the host answers.
    void joinRequested(const QString &raw);
    //! A party picked from "Parties on your network".
    void partyChosen(const kith::app::LanBrowser::Party &party);

private:
    QTabWidget *m_tabs;
    QLineEdit *m_name;
    QLineEdit *m_code;
    QLabel *m_error;
    QVBoxLayout *m_joinLayout;
    QPushButton *m_ok;
};

} // namespace kith::app
