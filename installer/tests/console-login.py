#!/usr/bin/python3
"""Signs in to an installed appliance's admin console in headless chromium, the way an administrator does
after install: the first admin's one-time password, the forced change (which does not ask for the one-time
password again), the dashboard; then signs out and in
again with the new password. Used by dist-test.sh; Debian's python3-selenium drives Debian's chromium through
its chromedriver, so nothing is downloaded.

    console-login.py BASE_URL USER ONE_TIME_PASSWORD NEW_PASSWORD
"""
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

IDLE = ("return !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
        " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive()))")


def main(base, user, password, new_password):
    # the browser's profile (5 to 26 MB) goes with it
    with tempfile.TemporaryDirectory(prefix="reelforge-chromium") as profile:
        sign_in_and_change(base, user, password, new_password, profile)


def sign_in_and_change(base, user, password, new_password, profile):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,900", "--user-data-dir=" + profile):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    wait = WebDriverWait(driver, 60)

    def idle():
        wait.until(lambda d: d.execute_script(IDLE))

    def shown(element_id):
        idle()
        return wait.until(ec.visibility_of_element_located((By.ID, element_id)))

    def type_into(element_id, text):
        field = shown(element_id).find_element(By.TAG_NAME, "input")
        field.clear()
        field.send_keys(text, Keys.TAB)
        idle()

    def click(element_id):
        wait.until(ec.element_to_be_clickable(shown(element_id))).click()
        idle()

    def sign_in(secret):
        driver.get(base + "/admin/login")
        idle()
        type_into("username", user)
        type_into("password", secret)
        click("sign-in")

    try:
        sign_in(password)
        shown("new-password")
        # a one-time password (the first admin's, or one an admin reset) is not asked for again
        if any(e.is_displayed() for e in driver.find_elements(By.ID, "current-password")):
            type_into("current-password", password)
        type_into("new-password", new_password)
        type_into("repeat-password", new_password)
        click("change-password")
        shown("status-cards")
        click("logout")
        shown("username")
        sign_in(new_password)
        shown("status-cards")
        print("console: signed in as %s with the one-time password, changed it, signed in again" % user)
    except Exception:
        print("console login failed at " + driver.current_url + ":\n" + driver.page_source[:2000], file=sys.stderr)
        raise
    finally:
        driver.quit()


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
