#pragma once
//! First run: start a local server, or connect to one (sign in or create an account).

#include <QUrl>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace kith::app {

class Theme;

class WelcomeScreen : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomeScreen(const Theme *theme, QWidget *parent = nullptr);

    void setBusy(bool busy, const QString &text = {});
    void setError(const QString &text);
    void prefill(const QUrl &url, const QString &username);
    QString statusText() const;

signals:
    //! Start the local server, then host a party on it.
    void hostPartyRequested(const QString &displayName);
    void startLocalRequested(const QString &displayName);
    void connectRequested(const QUrl &url, const QString &username, const QString &password,
                          bool createAccount);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void submitRemote(bool create);
    void setStatus(const QString &text, bool error);
    //! A card with a heading and a line of text, both set by retranslate().
    QWidget *card(QLabel **title, QLabel **text);

    QLineEdit *m_displayName;
    QPushButton *m_local;
    QLineEdit *m_url;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QPushButton *m_signIn;
    QPushButton *m_create;
    QLabel *m_status;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_localTitle;
    QLabel *m_localText;
    QPushButton *m_party;
    QLabel *m_remoteTitle;
    QLabel *m_remoteText;
};

} // namespace kith::app
