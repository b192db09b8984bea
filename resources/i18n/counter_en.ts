<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ActionForm</name>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Granted</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Denied</translation>
    </message>
    <message>
        <source>Delivery method</source>
        <translation>Delivery method</translation>
    </message>
    <message>
        <source>At the counter</source>
        <translation>At the counter</translation>
    </message>
    <message>
        <source>By post</source>
        <translation>By post</translation>
    </message>
    <message>
        <source>Electronic</source>
        <translation>Electronic</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Originals: %1</source>
        <translation>Originals: %1</translation>
    </message>
    <message>
        <source>Copies: %1</source>
        <translation>Copies: %1</translation>
    </message>
</context>
<context>
    <name>AdminView</name>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Administration tasks</source>
        <translation>Administration tasks</translation>
    </message>
    <message>
        <source>Only the office&apos;s administrator manages this counter.</source>
        <translation>Only the office&apos;s administrator manages this counter.</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Retention</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>What is left to set up</source>
        <translation>What is left to set up</translation>
    </message>
    <message>
        <source>Add the accounts of the counter staff.</source>
        <translation>Add the accounts of the counter staff.</translation>
    </message>
    <message>
        <source>Enter the office&apos;s name and contact printed on notices.</source>
        <translation>Enter the office&apos;s name and contact printed on notices.</translation>
    </message>
    <message>
        <source>Enroll this counter with the government service platform.</source>
        <translation>Enroll this counter with the government service platform.</translation>
    </message>
    <message>
        <source>Choose the backup folder (a USB stick or a network folder, not this disk).</source>
        <translation>Choose the backup folder (a USB stick or a network folder, not this disk).</translation>
    </message>
    <message>
        <source>Move the data key into the OS keyring.</source>
        <translation>Move the data key into the OS keyring.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Counter Government Service Desk</source>
        <translation>Counter Government Service Desk</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Cannot open the office&apos;s data</source>
        <translation>Cannot open the office&apos;s data</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>The backup was not restored</source>
        <translation>The backup was not restored</translation>
    </message>
</context>
<context>
    <name>ApplicantPanel</name>
    <message>
        <source>Search applicants</source>
        <translation>Search applicants</translation>
    </message>
    <message>
        <source>ID number, name, pinyin initials (zs for 张三) or mobile number</source>
        <translation>ID number, name, pinyin initials (zs for 张三) or mobile number</translation>
    </message>
    <message>
        <source>Applicants found</source>
        <translation>Applicants found</translation>
    </message>
    <message>
        <source>Search message</source>
        <translation>Search message</translation>
    </message>
    <message>
        <source>Search result</source>
        <translation>Search result</translation>
    </message>
    <message>
        <source>&amp;Register new applicant</source>
        <translation>&amp;Register new applicant</translation>
    </message>
    <message>
        <source>Register new applicant</source>
        <translation>Register new applicant</translation>
    </message>
    <message>
        <source>&amp;Find the applicant:</source>
        <translation>&amp;Find the applicant:</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Read the ID card (this works anywhere on the intake screen), or type an ID number, a name, its pinyin initials or a mobile number. Down arrow: into the list. Enter: take the applicant.</source>
        <translation>Read the ID card (this works anywhere on the intake screen), or type an ID number, a name, its pinyin initials or a mobile number. Down arrow: into the list. Enter: take the applicant.</translation>
    </message>
    <message>
        <source>Find the applicant first, or register a new one (Alt+R).</source>
        <translation>Find the applicant first, or register a new one (Alt+R).</translation>
    </message>
    <message>
        <source>“%1” is not a valid ID number.</source>
        <translation>“%1” is not a valid ID number.</translation>
    </message>
    <message>
        <source>No applicant has this number yet: register them.</source>
        <translation>No applicant has this number yet: register them.</translation>
    </message>
    <message>
        <source>Found by ID number.</source>
        <translation>Found by ID number.</translation>
    </message>
    <message>
        <source>Registered.</source>
        <translation>Registered.</translation>
    </message>
    <message numerus="yes">
        <source>%n applicant(s) found. Enter takes the highlighted one.</source>
        <translation>
            <numerusform>%n applicant found. Enter takes the highlighted one.</numerusform>
            <numerusform>%n applicants found. Enter takes the highlighted one.</numerusform>
        </translation>
    </message>
    <message>
        <source>No applicant found. Alt+R registers a new one.</source>
        <translation>No applicant found. Alt+R registers a new one.</translation>
    </message>
</context>
<context>
    <name>ApplicantsModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
</context>
<context>
    <name>ApplicantsView</name>
    <message>
        <source>Search applicants</source>
        <translation>Search applicants</translation>
    </message>
    <message>
        <source>Name, pinyin initials, ID number or mobile number</source>
        <translation>Name, pinyin initials, ID number or mobile number</translation>
    </message>
    <message>
        <source>Name, pinyin initials, ID number or mobile</source>
        <translation>Name, pinyin initials, ID number or mobile</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Applicants found</source>
        <translation>Applicants found</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Show &amp;personal data</source>
        <translation>Show &amp;personal data</translation>
    </message>
    <message>
        <source>Show personal data</source>
        <translation>Show personal data</translation>
    </message>
    <message>
        <source>Shows the full ID number, mobile and address; this is recorded</source>
        <translation>Shows the full ID number, mobile and address; this is recorded</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <source>The applicant&apos;s applications</source>
        <translation>The applicant&apos;s applications</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Applicants</source>
        <translation>Applicants</translation>
    </message>
    <message>
        <source>Applications:</source>
        <translation>Applications:</translation>
    </message>
    <message>
        <source>No applicant found.</source>
        <translation>No applicant found.</translation>
    </message>
    <message>
        <source>Search for an applicant, then choose one in the list.</source>
        <translation>Search for an applicant, then choose one in the list.</translation>
    </message>
    <message>
        <source>ID number: %1</source>
        <translation>ID number: %1</translation>
    </message>
    <message>
        <source>Mobile: %1</source>
        <translation>Mobile: %1</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>Address: %1</translation>
    </message>
</context>
<context>
    <name>ApplicationFilters</name>
    <message>
        <source>Status filter</source>
        <translation>Status filter</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <source>Time limit running</source>
        <translation>Time limit running</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>Service filter</source>
        <translation>Service filter</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>All services</translation>
    </message>
    <message>
        <source>Staff filter</source>
        <translation>Staff filter</translation>
    </message>
    <message>
        <source>All staff</source>
        <translation>All staff</translation>
    </message>
    <message>
        <source>Order of the list</source>
        <translation>Order of the list</translation>
    </message>
    <message>
        <source>Intake period</source>
        <translation>Intake period</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Any time</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>From … to …</source>
        <translation>From … to …</translation>
    </message>
    <message>
        <source>Taken in from</source>
        <translation>Taken in from</translation>
    </message>
    <message>
        <source>Taken in until</source>
        <translation>Taken in until</translation>
    </message>
    <message>
        <source>&amp;Overdue only</source>
        <translation>&amp;Overdue only</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>D&amp;ue soon only</source>
        <translation>D&amp;ue soon only</translation>
    </message>
    <message>
        <source>Due soon only</source>
        <translation>Due soon only</translation>
    </message>
    <message>
        <source>Due today or within the next 3 working days</source>
        <translation>Due today or within the next 3 working days</translation>
    </message>
    <message>
        <source>Search applications</source>
        <translation>Search applications</translation>
    </message>
    <message>
        <source>Part of the receipt number or the applicant&apos;s name</source>
        <translation>Part of the receipt number or the applicant&apos;s name</translation>
    </message>
    <message>
        <source>Receipt number or applicant name</source>
        <translation>Receipt number or applicant name</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Counts for the filters</source>
        <translation>Counts for the filters</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Applications</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>Servi&amp;ce:</source>
        <translation>Servi&amp;ce:</translation>
    </message>
    <message>
        <source>Sta&amp;ff:</source>
        <translation>Sta&amp;ff:</translation>
    </message>
    <message>
        <source>Or&amp;der:</source>
        <translation>Or&amp;der:</translation>
    </message>
    <message>
        <source>Taken &amp;in:</source>
        <translation>Taken &amp;in:</translation>
    </message>
    <message>
        <source>My cases (%1)</source>
        <translation>My cases (%1)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Listed: %1 · overdue: %2 · due soon (by %3): %4</source>
        <translation>Listed: %1 · overdue: %2 · due soon (by %3): %4</translation>
    </message>
</context>
<context>
    <name>ApplicationsModel</name>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>%1: due on %2</source>
        <translation>%1: due on %2</translation>
    </message>
    <message>
        <source>This column cannot be sorted.</source>
        <translation>This column cannot be sorted.</translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Taken in</source>
        <translation>Taken in</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
</context>
<context>
    <name>ApplicationsView</name>
    <message>
        <source>Applications</source>
        <translation>Applications</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Application details</source>
        <translation>Application details</translation>
    </message>
    <message>
        <source>Print notice…</source>
        <translation>Print notice…</translation>
    </message>
    <message>
        <source>Print notice</source>
        <translation>Print notice</translation>
    </message>
    <message>
        <source>Notice as PDF…</source>
        <translation>Notice as PDF…</translation>
    </message>
    <message>
        <source>Save notice as PDF</source>
        <translation>Save notice as PDF</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Choose an application in the list.</source>
        <translation>Choose an application in the list.</translation>
    </message>
    <message>
        <source>Receipt no.: %1</source>
        <translation>Receipt no.: %1</translation>
    </message>
    <message>
        <source>Applicant: %1 (%2)</source>
        <translation>Applicant: %1 (%2)</translation>
    </message>
    <message>
        <source>Service: %1</source>
        <translation>Service: %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Accepted on: %1</source>
        <translation>Accepted on: %1</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation>Due: %1</translation>
    </message>
    <message>
        <source>Deadline: %1</source>
        <translation>Deadline: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n material(s) still to hand in.</source>
        <translation>
            <numerusform>%n material still to hand in.</numerusform>
            <numerusform>%n materials still to hand in.</numerusform>
        </translation>
    </message>
    <message>
        <source>Result: %1</source>
        <translation>Result: %1</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Granted</translation>
    </message>
    <message>
        <source>Denied: %1</source>
        <translation>Denied: %1</translation>
    </message>
    <message>
        <source>Delivered: %1</source>
        <translation>Delivered: %1</translation>
    </message>
    <message>
        <source>Withdrawn: %1</source>
        <translation>Withdrawn: %1</translation>
    </message>
    <message>
        <source>The rating screen is open for another application: close it first.</source>
        <translation>The rating screen is open for another application: close it first.</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Done: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
</context>
<context>
    <name>AuditEventsModel</name>
    <message>
        <source>On this counter&apos;s clock: %1</source>
        <translation>On this counter&apos;s clock: %1</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>AuditLabels</name>
    <message>
        <source>%1 (command line)</source>
        <translation>%1 (command line)</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Refused: not allowed for the role</source>
        <translation>Refused: not allowed for the role</translation>
    </message>
    <message>
        <source>Office profile created</source>
        <translation>Office profile created</translation>
    </message>
    <message>
        <source>First administrator created</source>
        <translation>First administrator created</translation>
    </message>
    <message>
        <source>Staff account added</source>
        <translation>Staff account added</translation>
    </message>
    <message>
        <source>Staff account locked</source>
        <translation>Staff account locked</translation>
    </message>
    <message>
        <source>Staff account unlocked</source>
        <translation>Staff account unlocked</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <source>Staff account&apos;s name or role changed</source>
        <translation>Staff account&apos;s name or role changed</translation>
    </message>
    <message>
        <source>Password reset to a temporary one</source>
        <translation>Password reset to a temporary one</translation>
    </message>
    <message>
        <source>Applicant registered</source>
        <translation>Applicant registered</translation>
    </message>
    <message>
        <source>Applicant&apos;s details changed</source>
        <translation>Applicant&apos;s details changed</translation>
    </message>
    <message>
        <source>Applicant looked up (masked data)</source>
        <translation>Applicant looked up (masked data)</translation>
    </message>
    <message>
        <source>Applicant&apos;s personal data shown</source>
        <translation>Applicant&apos;s personal data shown</translation>
    </message>
    <message>
        <source>Application drafted</source>
        <translation>Application drafted</translation>
    </message>
    <message>
        <source>Application form changed</source>
        <translation>Application form changed</translation>
    </message>
    <message>
        <source>Materials recorded</source>
        <translation>Materials recorded</translation>
    </message>
    <message>
        <source>Scan added</source>
        <translation>Scan added</translation>
    </message>
    <message>
        <source>Scan removed</source>
        <translation>Scan removed</translation>
    </message>
    <message>
        <source>Scan opened</source>
        <translation>Scan opened</translation>
    </message>
    <message>
        <source>Unused scan files removed</source>
        <translation>Unused scan files removed</translation>
    </message>
    <message>
        <source>Notice prepared (names the applicant)</source>
        <translation>Notice prepared (names the applicant)</translation>
    </message>
    <message>
        <source>Rating screen opened for the citizen</source>
        <translation>Rating screen opened for the citizen</translation>
    </message>
    <message>
        <source>Rating screen closed without a rating</source>
        <translation>Rating screen closed without a rating</translation>
    </message>
    <message>
        <source>Rating recorded</source>
        <translation>Rating recorded</translation>
    </message>
    <message>
        <source>Rectification task opened</source>
        <translation>Rectification task opened</translation>
    </message>
    <message>
        <source>Rectification task closed</source>
        <translation>Rectification task closed</translation>
    </message>
    <message>
        <source>Audit chain checked</source>
        <translation>Audit chain checked</translation>
    </message>
    <message>
        <source>Audit trail exported</source>
        <translation>Audit trail exported</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>Backup made</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Backup restored</translation>
    </message>
    <message>
        <source>Old automatic backups removed</source>
        <translation>Old automatic backups removed</translation>
    </message>
    <message>
        <source>Restore of a backup asked for</source>
        <translation>Restore of a backup asked for</translation>
    </message>
    <message>
        <source>Office settings changed</source>
        <translation>Office settings changed</translation>
    </message>
    <message>
        <source>Applications exported to a file</source>
        <translation>Applications exported to a file</translation>
    </message>
    <message>
        <source>Full ID numbers exported</source>
        <translation>Full ID numbers exported</translation>
    </message>
    <message>
        <source>Data key moved to the OS keyring</source>
        <translation>Data key moved to the OS keyring</translation>
    </message>
    <message>
        <source>Personal data of closed cases removed</source>
        <translation>Personal data of closed cases removed</translation>
    </message>
    <message>
        <source>Service catalogue installed</source>
        <translation>Service catalogue installed</translation>
    </message>
    <message>
        <source>Counter enrolled with the platform</source>
        <translation>Counter enrolled with the platform</translation>
    </message>
    <message>
        <source>Counter&apos;s platform access revoked</source>
        <translation>Counter&apos;s platform access revoked</translation>
    </message>
    <message>
        <source>Sync run</source>
        <translation>Sync run</translation>
    </message>
    <message>
        <source>Changes received from the platform</source>
        <translation>Changes received from the platform</translation>
    </message>
    <message>
        <source>Operations refused or in conflict at the platform</source>
        <translation>Operations refused or in conflict at the platform</translation>
    </message>
    <message>
        <source>Office data downloaded again</source>
        <translation>Office data downloaded again</translation>
    </message>
    <message>
        <source>Sync conflict resolved</source>
        <translation>Sync conflict resolved</translation>
    </message>
    <message>
        <source>Rejected operation acknowledged</source>
        <translation>Rejected operation acknowledged</translation>
    </message>
    <message>
        <source>Sync conflict viewed</source>
        <translation>Sync conflict viewed</translation>
    </message>
    <message>
        <source>Application: %1</source>
        <translation>Application: %1</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Scan</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>Rectification task</source>
        <translation>Rectification task</translation>
    </message>
    <message>
        <source>Staff account</source>
        <translation>Staff account</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Succeeded</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Event no. %1 is missing (the next one present is no. %2).</source>
        <translation>Event no. %1 is missing (the next one present is no. %2).</translation>
    </message>
    <message>
        <source>Event no. %1 does not follow on from event no. %2.</source>
        <translation>Event no. %1 does not follow on from event no. %2.</translation>
    </message>
    <message>
        <source>Event no. %1 was changed after it was written.</source>
        <translation>Event no. %1 was changed after it was written.</translation>
    </message>
    <message>
        <source>The trail ends at event no. %1, but no. %2 was recorded as its last event: events were removed from the end.</source>
        <translation>The trail ends at event no. %1, but no. %2 was recorded as its last event: events were removed from the end.</translation>
    </message>
    <message>
        <source>Another problem: %1</source>
        <translation>Another problem: %1</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>C&amp;heck the chain</source>
        <translation>C&amp;heck the chain</translation>
    </message>
    <message>
        <source>Check the chain</source>
        <translation>Check the chain</translation>
    </message>
    <message>
        <source>Checks that no event of the trail was changed or removed</source>
        <translation>Checks that no event of the trail was changed or removed</translation>
    </message>
    <message>
        <source>Result of the chain check</source>
        <translation>Result of the chain check</translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation>Audit events</translation>
    </message>
    <message>
        <source>Events found</source>
        <translation>Events found</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>E&amp;xport CSV…</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>Views of personal data</source>
        <translation>Views of personal data</translation>
    </message>
    <message>
        <source>How often each person viewed citizens&apos; personal data in the period: applicants&apos; details shown, scans opened, notices prepared. Double-click a person, or press Enter on them, to list their views.</source>
        <translation>How often each person viewed citizens&apos; personal data in the period: applicants&apos; details shown, scans opened, notices prepared. Double-click a person, or press Enter on them, to list their views.</translation>
    </message>
    <message>
        <source>About the views of personal data</source>
        <translation>About the views of personal data</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Events</translation>
    </message>
    <message>
        <source>Vie&amp;ws of personal data</source>
        <translation>Vie&amp;ws of personal data</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>The audit trail records who did what and who viewed citizens&apos; personal data. Supervisors and administrators review it; your role does not include this.</source>
        <translation>The audit trail records who did what and who viewed citizens&apos; personal data. Supervisors and administrators review it; your role does not include this.</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>%1 events found; the newest %2 are listed (scroll for more).</source>
        <translation>%1 events found; the newest %2 are listed (scroll for more).</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) found.</source>
        <translation>
            <numerusform>%n event found.</numerusform>
            <numerusform>%n events found.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the chain…</source>
        <translation>Checking the chain…</translation>
    </message>
    <message numerus="yes">
        <source>The chain is intact: %n event(s) checked, none changed or removed.</source>
        <translation>
            <numerusform>The chain is intact: %n event checked, none changed or removed.</numerusform>
            <numerusform>The chain is intact: %n events checked, none changed or removed.</numerusform>
        </translation>
    </message>
    <message>
        <source>The chain is broken: events were changed or removed outside Counter. Keep the data as it is and report it.</source>
        <translation>The chain is broken: events were changed or removed outside Counter. Keep the data as it is and report it.</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>When, on this counter&apos;s clock</source>
        <translation>When, on this counter&apos;s clock</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>Record type</translation>
    </message>
    <message>
        <source>Record ID</source>
        <translation>Record ID</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Export the audit events as CSV</source>
        <translation>Export the audit events as CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>audit-trail.csv</source>
        <translation>audit-trail.csv</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) written to %1.</source>
        <translation>
            <numerusform>%n event written to %1.</numerusform>
            <numerusform>%n events written to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation>The last day is before the first.</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>The backup file was not found.</source>
        <translation>The backup file was not found.</translation>
    </message>
    <message>
        <source>This file is not a Counter backup.</source>
        <translation>This file is not a Counter backup.</translation>
    </message>
    <message>
        <source>This backup cannot be read: it is damaged or incomplete, or it was made with another data key. Nothing was changed.</source>
        <translation>This backup cannot be read: it is damaged or incomplete, or it was made with another data key. Nothing was changed.</translation>
    </message>
    <message>
        <source>This backup belongs to another office profile, so it cannot be restored here. Nothing was changed.</source>
        <translation>This backup belongs to another office profile, so it cannot be restored here. Nothing was changed.</translation>
    </message>
    <message>
        <source>The key this backup was made with is not on this computer (its OS keyring or key file). Nothing was changed.</source>
        <translation>The key this backup was made with is not on this computer (its OS keyring or key file). Nothing was changed.</translation>
    </message>
</context>
<context>
    <name>BackupsModel</name>
    <message>
        <source>Made</source>
        <translation>Made</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Older, unencrypted</source>
        <translation>Older, unencrypted</translation>
    </message>
    <message>
        <source>Automatic (daily)</source>
        <translation>Automatic (daily)</translation>
    </message>
    <message>
        <source>Made on demand</source>
        <translation>Made on demand</translation>
    </message>
</context>
<context>
    <name>BackupsTab</name>
    <message>
        <source>Backups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>About backups</source>
        <translation>About backups</translation>
    </message>
    <message>
        <source>Back up &amp;now to a folder…</source>
        <translation>Back up &amp;now to a folder…</translation>
    </message>
    <message>
        <source>Write an encrypted backup into a folder you choose, e.g. on a USB stick</source>
        <translation>Write an encrypted backup into a folder you choose, e.g. on a USB stick</translation>
    </message>
    <message>
        <source>&amp;Restore from a file…</source>
        <translation>&amp;Restore from a file…</translation>
    </message>
    <message>
        <source>Choose a backup file to restore</source>
        <translation>Choose a backup file to restore</translation>
    </message>
    <message>
        <source>Restore the &amp;selected backup…</source>
        <translation>Restore the &amp;selected backup…</translation>
    </message>
    <message>
        <source>Restore the backup selected in the list</source>
        <translation>Restore the backup selected in the list</translation>
    </message>
    <message>
        <source>Backup message</source>
        <translation>Backup message</translation>
    </message>
    <message>
        <source>Counter backs up this office&apos;s data automatically once a day to %1 and keeps those backups for %2 days. Backups are encrypted: they can be restored only on a computer that holds this office&apos;s data key.</source>
        <translation>Counter backs up this office&apos;s data automatically once a day to %1 and keeps those backups for %2 days. Backups are encrypted: they can be restored only on a computer that holds this office&apos;s data key.</translation>
    </message>
    <message>
        <source>Choose the folder to write the backup in</source>
        <translation>Choose the folder to write the backup in</translation>
    </message>
    <message>
        <source>Backing up to %1…</source>
        <translation>Backing up to %1…</translation>
    </message>
    <message>
        <source>Backup written to %1 (%2).</source>
        <translation>Backup written to %1 (%2).</translation>
    </message>
    <message>
        <source>The backup was not made: %1</source>
        <translation>The backup was not made: %1</translation>
    </message>
    <message>
        <source>Choose the backup to restore</source>
        <translation>Choose the backup to restore</translation>
    </message>
    <message>
        <source>Counter backups (*.cbk *.zip)</source>
        <translation>Counter backups (*.cbk *.zip)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Restore this backup?</source>
        <translation>Restore this backup?</translation>
    </message>
    <message>
        <source>Restore the backup %1?

The office&apos;s current data is replaced by the data in the backup; the current data is kept as a copy in the backups folder. Work since the backup was made is no longer shown (what was sent to the platform comes back with the next sync), and personal data removed since then (Retention) is back. Counter closes the data and opens it again: everyone will have to log in again.</source>
        <translation>Restore the backup %1?

The office&apos;s current data is replaced by the data in the backup; the current data is kept as a copy in the backups folder. Work since the backup was made is no longer shown (what was sent to the platform comes back with the next sync), and personal data removed since then (Retention) is back. Counter closes the data and opens it again: everyone will have to log in again.</translation>
    </message>
    <message>
        <source>Replace the data and restore</source>
        <translation>Replace the data and restore</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Restoring %1…</source>
        <translation>Restoring %1…</translation>
    </message>
</context>
<context>
    <name>CaseLabels</name>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Awaiting materials</source>
        <translation>Awaiting materials</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Accepted, minor materials pending</source>
        <translation>Accepted, minor materials pending</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>Rated</source>
        <translation>Rated</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>Drafted</source>
        <translation>Drafted</translation>
    </message>
    <message>
        <source>One-time notice</source>
        <translation>One-time notice</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Accept, materials pending</source>
        <translation>Accept, materials pending</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>Supplement materials</source>
        <translation>Supplement materials</translation>
    </message>
    <message>
        <source>Start processing</source>
        <translation>Start processing</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>Suspend</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>Deliver the result</source>
        <translation>Deliver the result</translation>
    </message>
    <message>
        <source>Record the rating</source>
        <translation>Record the rating</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <source>Waiting to sync</source>
        <translation>Waiting to sync</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Synced</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Rejected by the platform</source>
        <translation>Rejected by the platform</translation>
    </message>
</context>
<context>
    <name>CatalogueView</name>
    <message>
        <source>Search the catalogue</source>
        <translation>Search the catalogue</translation>
    </message>
    <message>
        <source>Part of the name, or its pinyin initials</source>
        <translation>Part of the name, or its pinyin initials</translation>
    </message>
    <message>
        <source>Service name or pinyin initials, e.g. zdshbz</source>
        <translation>Service name or pinyin initials, e.g. zdshbz</translation>
    </message>
    <message>
        <source>Service items</source>
        <translation>Service items</translation>
    </message>
    <message>
        <source>Service item details</source>
        <translation>Service item details</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>Materials</translation>
    </message>
    <message>
        <source>Form fields</source>
        <translation>Form fields</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <source>Materials:</source>
        <translation>Materials:</translation>
    </message>
    <message>
        <source>Form fields:</source>
        <translation>Form fields:</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>No service item matches.</source>
        <translation>No service item matches.</translation>
    </message>
    <message>
        <source>Free of charge</source>
        <translation>Free of charge</translation>
    </message>
    <message>
        <source>%1 yuan</source>
        <translation>%1 yuan</translation>
    </message>
    <message>
        <source>Type: %1</source>
        <translation>Type: %1</translation>
    </message>
    <message>
        <source>Implemented by: %1</source>
        <translation>Implemented by: %1</translation>
    </message>
    <message>
        <source>Legal time limit: %1; promised: %2</source>
        <translation>Legal time limit: %1; promised: %2</translation>
    </message>
    <message>
        <source>Fee: %1</source>
        <translation>Fee: %1</translation>
    </message>
    <message>
        <source>Conditions: %1</source>
        <translation>Conditions: %1</translation>
    </message>
    <message>
        <source>Reading the catalogue…</source>
        <translation>Reading the catalogue…</translation>
    </message>
</context>
<context>
    <name>ComparisonModel</name>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>This counter</source>
        <translation>This counter</translation>
    </message>
    <message>
        <source>The platform</source>
        <translation>The platform</translation>
    </message>
    <message>
        <source>⚠ In conflict</source>
        <translation>⚠ In conflict</translation>
    </message>
    <message>
        <source>≠ Differs</source>
        <translation>≠ Differs</translation>
    </message>
    <message>
        <source>Personal data: this reading is recorded in the audit trail.</source>
        <translation>Personal data: this reading is recorded in the audit trail.</translation>
    </message>
</context>
<context>
    <name>ConflictIndicator</name>
    <message>
        <source>Sync conflicts</source>
        <translation>Sync conflicts</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected</source>
        <translation>
            <numerusform>%n rejected</numerusform>
            <numerusform>%n rejected</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes the platform did not take wait for a supervisor&apos;s decision. Click to open the conflicts page.</source>
        <translation>Changes the platform did not take wait for a supervisor&apos;s decision. Click to open the conflicts page.</translation>
    </message>
</context>
<context>
    <name>ConflictLabels</name>
    <message>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>Scan of a material</source>
        <translation>Scan of a material</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>Rectification task</source>
        <translation>Rectification task</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>Rectify by</source>
        <translation>Rectify by</translation>
    </message>
    <message>
        <source>Task status</source>
        <translation>Task status</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type of ID</source>
        <translation>Type of ID</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Representative</source>
        <translation>Representative</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Last changed</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>Receipt number</translation>
    </message>
    <message>
        <source>Applicant record</source>
        <translation>Applicant record</translation>
    </message>
    <message>
        <source>Service item code</source>
        <translation>Service item code</translation>
    </message>
    <message>
        <source>Catalogue version</source>
        <translation>Catalogue version</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Application form</source>
        <translation>Application form</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>Materials</translation>
    </message>
    <message>
        <source>Taken in by</source>
        <translation>Taken in by</translation>
    </message>
    <message>
        <source>Accepted by</source>
        <translation>Accepted by</translation>
    </message>
    <message>
        <source>Accepted at</source>
        <translation>Accepted at</translation>
    </message>
    <message>
        <source>Accepted on</source>
        <translation>Accepted on</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <source>Time limit unit</source>
        <translation>Time limit unit</translation>
    </message>
    <message>
        <source>Missing materials</source>
        <translation>Missing materials</translation>
    </message>
    <message>
        <source>One-time notice issued</source>
        <translation>One-time notice issued</translation>
    </message>
    <message>
        <source>Materials pending</source>
        <translation>Materials pending</translation>
    </message>
    <message>
        <source>Applicant&apos;s commitment</source>
        <translation>Applicant&apos;s commitment</translation>
    </message>
    <message>
        <source>Deadline for pending materials</source>
        <translation>Deadline for pending materials</translation>
    </message>
    <message>
        <source>Reason for refusal</source>
        <translation>Reason for refusal</translation>
    </message>
    <message>
        <source>Remedies</source>
        <translation>Remedies</translation>
    </message>
    <message>
        <source>Status after the suspension</source>
        <translation>Status after the suspension</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Reason for the result</source>
        <translation>Reason for the result</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>Delivery method</source>
        <translation>Delivery method</translation>
    </message>
    <message>
        <source>Reason for withdrawal</source>
        <translation>Reason for withdrawal</translation>
    </message>
    <message>
        <source>Application record</source>
        <translation>Application record</translation>
    </message>
    <message>
        <source>Material code</source>
        <translation>Material code</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>File type</translation>
    </message>
    <message>
        <source>Size (bytes)</source>
        <translation>Size (bytes)</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>Checksum</translation>
    </message>
    <message>
        <source>Rating record</source>
        <translation>Rating record</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Rated at</source>
        <translation>Rated at</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>What was done</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>Working days</translation>
    </message>
    <message>
        <source>Calendar days</source>
        <translation>Calendar days</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Granted</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Denied</translation>
    </message>
    <message>
        <source>Resident ID card</source>
        <translation>Resident ID card</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>The platform does not accept this value.</source>
        <translation>The platform does not accept this value.</translation>
    </message>
    <message>
        <source>The platform&apos;s record no longer allows this step.</source>
        <translation>The platform&apos;s record no longer allows this step.</translation>
    </message>
    <message>
        <source>The platform does not know this record.</source>
        <translation>The platform does not know this record.</translation>
    </message>
    <message>
        <source>The platform already has this record.</source>
        <translation>The platform already has this record.</translation>
    </message>
    <message>
        <source>The platform does not know this service item.</source>
        <translation>The platform does not know this service item.</translation>
    </message>
    <message>
        <source>The platform refused this change.</source>
        <translation>The platform refused this change.</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>This field is required.</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>Enter a whole number.</translation>
    </message>
    <message>
        <source>Enter a number from %1 to %2.</source>
        <translation>Enter a number from %1 to %2.</translation>
    </message>
    <message>
        <source>At most %1 characters.</source>
        <translation>At most %1 characters.</translation>
    </message>
    <message>
        <source>Choose one of the options.</source>
        <translation>Choose one of the options.</translation>
    </message>
    <message>
        <source>Enter a date such as 2026-01-31.</source>
        <translation>Enter a date such as 2026-01-31.</translation>
    </message>
    <message>
        <source>Enter the value as JSON, as shown in the comparison.</source>
        <translation>Enter the value as JSON, as shown in the comparison.</translation>
    </message>
    <message>
        <source>This field cannot be edited here: keep one side instead.</source>
        <translation>This field cannot be edited here: keep one side instead.</translation>
    </message>
    <message>
        <source>This counter&apos;s change cannot be kept: the platform would refuse its value of %1. Take the platform&apos;s version; this counter&apos;s change stays recorded with the conflict.</source>
        <translation>This counter&apos;s change cannot be kept: the platform would refuse its value of %1. Take the platform&apos;s version; this counter&apos;s change stays recorded with the conflict.</translation>
    </message>
    <message>
        <source>Close the task</source>
        <translation>Close the task</translation>
    </message>
    <message>
        <source>This counter&apos;s change cannot be kept: on the platform, %1 is now “%2”, and this counter&apos;s step “%3” is not allowed from there. Take the platform&apos;s version; this counter&apos;s change stays recorded with the conflict.</source>
        <translation>This counter&apos;s change cannot be kept: on the platform, %1 is now “%2”, and this counter&apos;s step “%3” is not allowed from there. Take the platform&apos;s version; this counter&apos;s change stays recorded with the conflict.</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>Receipt number</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Fields in conflict</source>
        <translation>Fields in conflict</translation>
    </message>
    <message>
        <source>Found at</source>
        <translation>Found at</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <source>Open conflicts</source>
        <translation>Open conflicts</translation>
    </message>
    <message>
        <source>This counter&apos;s version and the platform&apos;s, field by field</source>
        <translation>This counter&apos;s version and the platform&apos;s, field by field</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Only the fields that &amp;differ</source>
        <translation>Only the fields that &amp;differ</translation>
    </message>
    <message>
        <source>Only the fields that differ</source>
        <translation>Only the fields that differ</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>&amp;Keep mine</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <source>This counter&apos;s change goes to the platform again, on top of the platform&apos;s version.</source>
        <translation>This counter&apos;s change goes to the platform again, on top of the platform&apos;s version.</translation>
    </message>
    <message>
        <source>&amp;Take the platform&apos;s</source>
        <translation>&amp;Take the platform&apos;s</translation>
    </message>
    <message>
        <source>Take the platform&apos;s</source>
        <translation>Take the platform&apos;s</translation>
    </message>
    <message>
        <source>The platform&apos;s version replaces this counter&apos;s; this counter&apos;s waiting changes to the record are dropped. Both versions stay with the conflict.</source>
        <translation>The platform&apos;s version replaces this counter&apos;s; this counter&apos;s waiting changes to the record are dropped. Both versions stay with the conflict.</translation>
    </message>
    <message>
        <source>&amp;Edit and keep…</source>
        <translation>&amp;Edit and keep…</translation>
    </message>
    <message>
        <source>Edit and keep</source>
        <translation>Edit and keep</translation>
    </message>
    <message>
        <source>Type the values of the fields in conflict; the result goes to the platform.</source>
        <translation>Type the values of the fields in conflict; the result goes to the platform.</translation>
    </message>
    <message>
        <source>Why this counter&apos;s change cannot be kept</source>
        <translation>Why this counter&apos;s change cannot be kept</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Personal data is shown in full: each reading is recorded in the audit trail.</source>
        <translation>Personal data is shown in full: each reading is recorded in the audit trail.</translation>
    </message>
    <message>
        <source>No open conflicts: the platform took every change this counter sent.</source>
        <translation>No open conflicts: the platform took every change this counter sent.</translation>
    </message>
    <message>
        <source>Choose a conflict in the list.</source>
        <translation>Choose a conflict in the list.</translation>
    </message>
    <message>
        <source>%1: another writer changed %2 on the platform (its version %3) while this counter changed it too, on %4.</source>
        <translation>%1: another writer changed %2 on the platform (its version %3) while this counter changed it too, on %4.</translation>
    </message>
    <message>
        <source>The fields in conflict change only through the record&apos;s steps: keep one side.</source>
        <translation>The fields in conflict change only through the record&apos;s steps: keep one side.</translation>
    </message>
    <message>
        <source>Kept this counter&apos;s change: it goes to the platform at the next sync.</source>
        <translation>Kept this counter&apos;s change: it goes to the platform at the next sync.</translation>
    </message>
    <message>
        <source>Took the platform&apos;s version; this counter&apos;s change to the record was dropped.</source>
        <translation>Took the platform&apos;s version; this counter&apos;s change to the record was dropped.</translation>
    </message>
    <message>
        <source>Kept the edited values: they go to the platform at the next sync.</source>
        <translation>Kept the edited values: they go to the platform at the next sync.</translation>
    </message>
    <message>
        <source>This conflict was already resolved.</source>
        <translation>This conflict was already resolved.</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <source>Sync conflicts</source>
        <translation>Sync conflicts</translation>
    </message>
    <message>
        <source>Changes the platform did not take are reviewed by a supervisor: when another counter or the back office changed the same record, a supervisor decides which version stays. Ask your supervisor if one of your changes is waiting.</source>
        <translation>Changes the platform did not take are reviewed by a supervisor: when another counter or the back office changed the same record, a supervisor decides which version stays. Ask your supervisor if one of your changes is waiting.</translation>
    </message>
    <message>
        <source>&amp;Conflicts</source>
        <translation>&amp;Conflicts</translation>
    </message>
    <message>
        <source>Conflicts show citizens&apos; personal data from both versions of a record, so a supervisor reviews and resolves them. Operations the platform rejected are listed in the next tab.</source>
        <translation>Conflicts show citizens&apos; personal data from both versions of a record, so a supervisor reviews and resolves them. Operations the platform rejected are listed in the next tab.</translation>
    </message>
    <message>
        <source>&amp;Rejected operations</source>
        <translation>&amp;Rejected operations</translation>
    </message>
    <message>
        <source>&amp;Conflicts (%1)</source>
        <translation>&amp;Conflicts (%1)</translation>
    </message>
    <message>
        <source>&amp;Rejected operations (%1)</source>
        <translation>&amp;Rejected operations (%1)</translation>
    </message>
</context>
<context>
    <name>DashboardSeries</name>
    <message>
        <source>%1: %2 taken in</source>
        <translation>%1: %2 taken in</translation>
    </message>
    <message>
        <source>%1 (day off)</source>
        <translation>%1 (day off)</translation>
    </message>
    <message>
        <source>week of %1</source>
        <translation>week of %1</translation>
    </message>
    <message>
        <source>%1: %2 satisfied, %3 good of %4 ratings, %5 bad</source>
        <translation>%1: %2 satisfied, %3 good of %4 ratings, %5 bad</translation>
    </message>
    <message>
        <source>%1: no ratings</source>
        <translation>%1: no ratings</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Custom range</translation>
    </message>
    <message>
        <source>Period starts</source>
        <translation>Period starts</translation>
    </message>
    <message>
        <source>Period ends</source>
        <translation>Period ends</translation>
    </message>
    <message>
        <source>Service item</source>
        <translation>Service item</translation>
    </message>
    <message>
        <source>All service items</source>
        <translation>All service items</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>Staff member</translation>
    </message>
    <message>
        <source>All staff members</source>
        <translation>All staff members</translation>
    </message>
    <message>
        <source>Staff:</source>
        <translation>Staff:</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Refresh the figures</source>
        <translation>Refresh the figures</translation>
    </message>
    <message>
        <source>You see your own cases: those you accepted, and those you took in that nobody has accepted yet.</source>
        <translation>You see your own cases: those you accepted, and those you took in that nobody has accepted yet.</translation>
    </message>
    <message>
        <source>Whose cases</source>
        <translation>Whose cases</translation>
    </message>
    <message>
        <source>The official holiday arrangement for part of this period is not published yet: working days there are estimated, and the processing times may change.</source>
        <translation>The official holiday arrangement for part of this period is not published yet: working days there are estimated, and the processing times may change.</translation>
    </message>
    <message>
        <source>Reading status</source>
        <translation>Reading status</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Applications taken in per day</source>
        <translation>Applications taken in per day</translation>
    </message>
    <message>
        <source>Working day</source>
        <translation>Working day</translation>
    </message>
    <message>
        <source>Weekend or holiday</source>
        <translation>Weekend or holiday</translation>
    </message>
    <message>
        <source>No days in the period.</source>
        <translation>No days in the period.</translation>
    </message>
    <message>
        <source>Satisfaction rate over time</source>
        <translation>Satisfaction rate over time</translation>
    </message>
    <message>
        <source>No ratings in the period.</source>
        <translation>No ratings in the period.</translation>
    </message>
    <message>
        <source>Save chart as PNG…</source>
        <translation>Save chart as PNG…</translation>
    </message>
    <message>
        <source>Save the intake chart as PNG</source>
        <translation>Save the intake chart as PNG</translation>
    </message>
    <message>
        <source>Save the satisfaction chart as PNG</source>
        <translation>Save the satisfaction chart as PNG</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Figures per service item</source>
        <translation>Figures per service item</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Figures per staff member</source>
        <translation>Figures per staff member</translation>
    </message>
    <message>
        <source>per service item</source>
        <translation>per service item</translation>
    </message>
    <message>
        <source>per staff member</source>
        <translation>per staff member</translation>
    </message>
    <message>
        <source>Export to &amp;Excel (XLSX)…</source>
        <translation>Export to &amp;Excel (XLSX)…</translation>
    </message>
    <message>
        <source>Export to &amp;CSV…</source>
        <translation>Export to &amp;CSV…</translation>
    </message>
    <message>
        <source>Export the figures %1 to %2</source>
        <translation>Export the figures %1 to %2</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Service:</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tables</translation>
    </message>
    <message>
        <source>By service item</source>
        <translation>By service item</translation>
    </message>
    <message>
        <source>By staff member</source>
        <translation>By staff member</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>The period ends before it starts.</translation>
    </message>
    <message>
        <source>A period may be at most %1 days long.</source>
        <translation>A period may be at most %1 days long.</translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation>Reading the figures…</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>%1, %2 in all</source>
        <translation>%1, %2 in all</translation>
    </message>
    <message>
        <source>Satisfaction rate per day</source>
        <translation>Satisfaction rate per day</translation>
    </message>
    <message>
        <source>Satisfaction rate per week</source>
        <translation>Satisfaction rate per week</translation>
    </message>
    <message>
        <source>%1, share of good ratings, %2 ratings</source>
        <translation>%1, share of good ratings, %2 ratings</translation>
    </message>
    <message>
        <source>Save the chart as PNG</source>
        <translation>Save the chart as PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>intake</source>
        <translation>intake</translation>
    </message>
    <message>
        <source>satisfaction</source>
        <translation>satisfaction</translation>
    </message>
    <message>
        <source>Export the table</source>
        <translation>Export the table</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Dashboard %1</source>
        <translation>Dashboard %1</translation>
    </message>
    <message>
        <source>Dashboard %1 %2 to %3</source>
        <translation>Dashboard %1 %2 to %3</translation>
    </message>
    <message>
        <source>Per service item</source>
        <translation>Per service item</translation>
    </message>
    <message>
        <source>Per staff member</source>
        <translation>Per staff member</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>Writing the file…</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>The file could not be written: %1</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Accept</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Accept with minor materials &amp;pending</source>
        <translation>Accept with minor materials &amp;pending</translation>
    </message>
    <message>
        <source>Accept with minor materials pending</source>
        <translation>Accept with minor materials pending</translation>
    </message>
    <message>
        <source>One-time &amp;notice of missing materials</source>
        <translation>One-time &amp;notice of missing materials</translation>
    </message>
    <message>
        <source>One-time notice of missing materials</source>
        <translation>One-time notice of missing materials</translation>
    </message>
    <message>
        <source>Re&amp;fuse</source>
        <translation>Re&amp;fuse</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>Why a decision is not available</source>
        <translation>Why a decision is not available</translation>
    </message>
    <message>
        <source>What accepting means</source>
        <translation>What accepting means</translation>
    </message>
    <message>
        <source>Materials left pending</source>
        <translation>Materials left pending</translation>
    </message>
    <message>
        <source>Applicant&apos;s commitment</source>
        <translation>Applicant&apos;s commitment</translation>
    </message>
    <message>
        <source>Commitment problem</source>
        <translation>Commitment problem</translation>
    </message>
    <message>
        <source>Deadline for the pending materials</source>
        <translation>Deadline for the pending materials</translation>
    </message>
    <message>
        <source>Materials missing</source>
        <translation>Materials missing</translation>
    </message>
    <message>
        <source>Reason for refusing</source>
        <translation>Reason for refusing</translation>
    </message>
    <message>
        <source>Reason problem</source>
        <translation>Reason problem</translation>
    </message>
    <message>
        <source>Remedies</source>
        <translation>Remedies</translation>
    </message>
    <message>
        <source>&amp;Commitment:</source>
        <translation>&amp;Commitment:</translation>
    </message>
    <message>
        <source>&amp;Deadline:</source>
        <translation>&amp;Deadline:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>R&amp;emedies:</source>
        <translation>R&amp;emedies:</translation>
    </message>
    <message>
        <source>The applicant is told why, and how to seek administrative review or bring a lawsuit.</source>
        <translation>The applicant is told why, and how to seek administrative review or bring a lawsuit.</translation>
    </message>
    <message>
        <source>Decision problem</source>
        <translation>Decision problem</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Alt+A, Alt+P, Alt+N or Alt+F chooses; Ctrl+Enter decides and issues the notice.</source>
        <translation>Alt+A, Alt+P, Alt+N or Alt+F chooses; Ctrl+Enter decides and issues the notice.</translation>
    </message>
    <message>
        <source>Not accepted yet: %1 missing.</source>
        <translation>Not accepted yet: %1 missing.</translation>
    </message>
    <message>
        <source>Cannot be left pending (not minor): %1.</source>
        <translation>Cannot be left pending (not minor): %1.</translation>
    </message>
    <message>
        <source>Every mandatory material is in: nothing to notify.</source>
        <translation>Every mandatory material is in: nothing to notify.</translation>
    </message>
    <message>
        <source>Every mandatory material has been received. The application is accepted and promised within %1.</source>
        <translation>Every mandatory material has been received. The application is accepted and promised within %1.</translation>
    </message>
    <message>
        <source>The notice lists, at once, everything still to hand in: %1.</source>
        <translation>The notice lists, at once, everything still to hand in: %1.</translation>
    </message>
    <message>
        <source>Left pending, on the applicant&apos;s commitment: %1.</source>
        <translation>Left pending, on the applicant&apos;s commitment: %1.</translation>
    </message>
    <message>
        <source>I commit to hand in %1 by the deadline; the materials I have handed in are true and valid.</source>
        <translation>I commit to hand in %1 by the deadline; the materials I have handed in are true and valid.</translation>
    </message>
    <message>
        <source>Choose a decision.</source>
        <translation>Choose a decision.</translation>
    </message>
    <message>
        <source>Write down the applicant&apos;s commitment.</source>
        <translation>Write down the applicant&apos;s commitment.</translation>
    </message>
    <message>
        <source>At most %1 characters.</source>
        <translation>At most %1 characters.</translation>
    </message>
    <message>
        <source>Give the reason for refusing.</source>
        <translation>Give the reason for refusing.</translation>
    </message>
</context>
<context>
    <name>EditForm</name>
    <message>
        <source>The change goes to the platform at the next sync with these values, on top of the platform&apos;s version.</source>
        <translation>The change goes to the platform at the next sync with these values, on top of the platform&apos;s version.</translation>
    </message>
    <message>
        <source>Save and keep (Ctrl+Enter)</source>
        <translation>Save and keep (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Save and keep</source>
        <translation>Save and keep</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The platform: %1</source>
        <translation>The platform: %1</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <source>Enroll this counter</source>
        <translation>Enroll this counter</translation>
    </message>
    <message>
        <source>Enroll</source>
        <translation>Enroll</translation>
    </message>
    <message>
        <source>The platform&apos;s operator gives the office a one-time code. Enrolling again with the same office keeps everything; a profile that holds another office&apos;s records cannot be enrolled with a new office.</source>
        <translation>The platform&apos;s operator gives the office a one-time code. Enrolling again with the same office keeps everything; a profile that holds another office&apos;s records cannot be enrolled with a new office.</translation>
    </message>
    <message>
        <source>Enrolling…</source>
        <translation>Enrolling…</translation>
    </message>
</context>
<context>
    <name>EnrollForm</name>
    <message>
        <source>Platform address</source>
        <translation>Platform address</translation>
    </message>
    <message>
        <source>One-time enrollment code</source>
        <translation>One-time enrollment code</translation>
    </message>
    <message>
        <source>Name of this counter</source>
        <translation>Name of this counter</translation>
    </message>
    <message>
        <source>e.g. 1号窗口</source>
        <translation>e.g. 1号窗口</translation>
    </message>
    <message>
        <source>Platform address message</source>
        <translation>Platform address message</translation>
    </message>
    <message>
        <source>Enrollment code message</source>
        <translation>Enrollment code message</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Platform &amp;address:</source>
        <translation>Platform &amp;address:</translation>
    </message>
    <message>
        <source>Enrollment &amp;code:</source>
        <translation>Enrollment &amp;code:</translation>
    </message>
    <message>
        <source>Counter na&amp;me:</source>
        <translation>Counter na&amp;me:</translation>
    </message>
    <message>
        <source>Enter the platform&apos;s address.</source>
        <translation>Enter the platform's address.</translation>
    </message>
    <message>
        <source>The address starts with https:// (or http://).</source>
        <translation>The address starts with https:// (or http://).</translation>
    </message>
    <message>
        <source>Enter the enrollment code.</source>
        <translation>Enter the enrollment code.</translation>
    </message>
</context>
<context>
    <name>Enrollment</name>
    <message>
        <source>This enrollment code is not known to the platform: check it for typos.</source>
        <translation>This enrollment code is not known to the platform: check it for typos.</translation>
    </message>
    <message>
        <source>This enrollment code was used already: ask the platform for a new one.</source>
        <translation>This enrollment code was used already: ask the platform for a new one.</translation>
    </message>
    <message>
        <source>This enrollment code has expired: ask the platform for a new one.</source>
        <translation>This enrollment code has expired: ask the platform for a new one.</translation>
    </message>
    <message>
        <source>The platform cannot be reached at this address: check it and the network.</source>
        <translation>The platform cannot be reached at this address: check it and the network.</translation>
    </message>
    <message>
        <source>This computer holds the records of another office: it cannot be enrolled with this one.</source>
        <translation>This computer holds the records of another office: it cannot be enrolled with this one.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>A sync is running: try again in a moment.</source>
        <translation>A sync is running: try again in a moment.</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>Enter a user name.</translation>
    </message>
    <message>
        <source>Use up to 32 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>Use up to 32 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</translation>
    </message>
    <message>
        <source>This user name is already taken.</source>
        <translation>This user name is already taken.</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>This field is required.</translation>
    </message>
    <message>
        <source>This value is not accepted.</source>
        <translation>This value is not accepted.</translation>
    </message>
    <message>
        <source>The password needs at least %1 characters.</source>
        <translation>The password needs at least %1 characters.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <source>This account is locked. Ask an administrator to unlock it.</source>
        <translation>This account is locked. Ask an administrator to unlock it.</translation>
    </message>
    <message>
        <source>The database %1 was written by a newer version of Counter (schema version %2; this version reads up to %3). Install the newer version. The file was not changed.</source>
        <translation>The database %1 was written by a newer version of Counter (schema version %2; this version reads up to %3). Install the newer version. The file was not changed.</translation>
    </message>
    <message>
        <source>The database %1 is damaged and cannot be opened.</source>
        <translation>The database %1 is damaged and cannot be opened.</translation>
    </message>
    <message>
        <source>The last backup is %1. An administrator can restore it with “counter-app restore”.</source>
        <translation>The last backup is %1. An administrator can restore it with “counter-app restore”.</translation>
    </message>
    <message>
        <source>No backup of it was found.</source>
        <translation>No backup of it was found.</translation>
    </message>
    <message>
        <source>The key that protects this office&apos;s personal data cannot be read, so the data cannot be opened. Restore the OS keyring or the key file this profile was created with.</source>
        <translation>The key that protects this office&apos;s personal data cannot be read, so the data cannot be opened. Restore the OS keyring or the key file this profile was created with.</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>Your role does not allow this.</translation>
    </message>
    <message>
        <source>The record was not found.</source>
        <translation>The record was not found.</translation>
    </message>
    <message>
        <source>The operation was refused.</source>
        <translation>The operation was refused.</translation>
    </message>
    <message>
        <source>An unexpected error occurred. The details were written to the log.</source>
        <translation>An unexpected error occurred. The details were written to the log.</translation>
    </message>
    <message>
        <source>The network connection failed or timed out.</source>
        <translation>The network connection failed or timed out.</translation>
    </message>
    <message>
        <source>The disk is full: %1 could not be written.</source>
        <translation>The disk is full: %1 could not be written.</translation>
    </message>
    <message>
        <source>The disk is full.</source>
        <translation>The disk is full.</translation>
    </message>
    <message>
        <source>No permission to read or write %1.</source>
        <translation>No permission to read or write %1.</translation>
    </message>
    <message>
        <source>No permission to read or write the file.</source>
        <translation>No permission to read or write the file.</translation>
    </message>
    <message>
        <source>The file %1 was not found.</source>
        <translation>The file %1 was not found.</translation>
    </message>
    <message>
        <source>The file %1 could not be read or written.</source>
        <translation>The file %1 could not be read or written.</translation>
    </message>
    <message>
        <source>A file could not be read or written (a disk or device error).</source>
        <translation>A file could not be read or written (a disk or device error).</translation>
    </message>
    <message>
        <source>The current password is not right.</source>
        <translation>The current password is not right.</translation>
    </message>
</context>
<context>
    <name>EventFilters</name>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>Any outcome</translation>
    </message>
    <message>
        <source>Perso&amp;n:</source>
        <translation>Perso&amp;n:</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Action:</translation>
    </message>
    <message>
        <source>O&amp;utcome:</source>
        <translation>O&amp;utcome:</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>Any action</translation>
    </message>
    <message>
        <source>Any view of personal data</source>
        <translation>Any view of personal data</translation>
    </message>
</context>
<context>
    <name>ExportTab</name>
    <message>
        <source>First day</source>
        <translation>First day</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Last day</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>File format</translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)</source>
        <translation>Excel workbook (XLSX)</translation>
    </message>
    <message>
        <source>CSV (UTF-8, opens in Excel)</source>
        <translation>CSV (UTF-8, opens in Excel)</translation>
    </message>
    <message>
        <source>Full ID numbers</source>
        <translation>Full ID numbers</translation>
    </message>
    <message>
        <source>F&amp;ull ID numbers (recorded in the audit trail)</source>
        <translation>F&amp;ull ID numbers (recorded in the audit trail)</translation>
    </message>
    <message>
        <source>The file will hold citizens&apos; full ID numbers. The export is recorded in the audit trail as a view of personal data: keep the file safe and delete it when it is no longer needed.</source>
        <translation>The file will hold citizens&apos; full ID numbers. The export is recorded in the audit trail as a view of personal data: keep the file safe and delete it when it is no longer needed.</translation>
    </message>
    <message>
        <source>Warning about full ID numbers</source>
        <translation>Warning about full ID numbers</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>Export the applications</source>
        <translation>Export the applications</translation>
    </message>
    <message>
        <source>Export result</source>
        <translation>Export result</translation>
    </message>
    <message>
        <source>Problem with the first day</source>
        <translation>Problem with the first day</translation>
    </message>
    <message>
        <source>Problem with the last day</source>
        <translation>Problem with the last day</translation>
    </message>
    <message>
        <source>Export problem</source>
        <translation>Export problem</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat:</translation>
    </message>
    <message>
        <source>One row per application taken in during the period: receipt number, service, applicant, ID number, status, dates, result and rating. ID numbers are masked unless you ask for them in full.</source>
        <translation>One row per application taken in during the period: receipt number, service, applicant, ID number, status, dates, result and rating. ID numbers are masked unless you ask for them in full.</translation>
    </message>
    <message>
        <source>Applications %1 to %2</source>
        <translation>Applications %1 to %2</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>Writing the file…</translation>
    </message>
    <message>
        <source>The last day comes before the first day.</source>
        <translation>The last day comes before the first day.</translation>
    </message>
    <message>
        <source>%1 applications written to %2</source>
        <translation>%1 applications written to %2</translation>
    </message>
    <message>
        <source>choose a file in a folder that exists.</source>
        <translation>choose a file in a folder that exists.</translation>
    </message>
    <message>
        <source>The file was not written: %1</source>
        <translation>The file was not written: %1</translation>
    </message>
</context>
<context>
    <name>FigureTiles</name>
    <message>
        <source>Taken in</source>
        <translation>Taken in</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>Completed on time</source>
        <translation>Completed on time</translation>
    </message>
    <message>
        <source>Average processing time</source>
        <translation>Average processing time</translation>
    </message>
    <message>
        <source>Processing time (P90)</source>
        <translation>Processing time (P90)</translation>
    </message>
    <message>
        <source>One-time notice rate</source>
        <translation>One-time notice rate</translation>
    </message>
    <message>
        <source>Satisfaction rate</source>
        <translation>Satisfaction rate</translation>
    </message>
    <message>
        <source>Bad ratings</source>
        <translation>Bad ratings</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Overdue now</source>
        <translation>Overdue now</translation>
    </message>
    <message>
        <source>Open rectifications</source>
        <translation>Open rectifications</translation>
    </message>
    <message>
        <source>Overdue rectifications</source>
        <translation>Overdue rectifications</translation>
    </message>
    <message>
        <source>In the period</source>
        <translation>In the period</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>In the period %1 to %2</source>
        <translation>In the period %1 to %2</translation>
    </message>
    <message>
        <source>Now (%1), whatever the period</source>
        <translation>Now (%1), whatever the period</translation>
    </message>
    <message>
        <source>applications drafted at the counter</source>
        <translation>applications drafted at the counter</translation>
    </message>
    <message>
        <source>%1 of them with minor materials pending</source>
        <translation>%1 of them with minor materials pending</translation>
    </message>
    <message>
        <source>with the reason and the remedies</source>
        <translation>with the reason and the remedies</translation>
    </message>
    <message>
        <source>granted or denied</source>
        <translation>granted or denied</translation>
    </message>
    <message>
        <source>results handed out</source>
        <translation>results handed out</translation>
    </message>
    <message>
        <source>dissatisfied or very dissatisfied</source>
        <translation>dissatisfied or very dissatisfied</translation>
    </message>
    <message>
        <source>%1 of them suspended</source>
        <translation>%1 of them suspended</translation>
    </message>
    <message>
        <source>time limit passed, clock running</source>
        <translation>time limit passed, clock running</translation>
    </message>
    <message>
        <source>opened by bad ratings, not closed</source>
        <translation>opened by bad ratings, not closed</translation>
    </message>
    <message>
        <source>open past their deadline</source>
        <translation>open past their deadline</translation>
    </message>
    <message>
        <source>%1 of %2 completed cases with a time limit</source>
        <translation>%1 of %2 completed cases with a time limit</translation>
    </message>
    <message>
        <source>%1 of %2 sent home with the written notice</source>
        <translation>%1 of %2 sent home with the written notice</translation>
    </message>
    <message>
        <source>%1 satisfied of %2 ratings</source>
        <translation>%1 satisfied of %2 ratings</translation>
    </message>
    <message>
        <source>working days or fewer, for 9 in 10 cases</source>
        <translation>working days or fewer, for 9 in 10 cases</translation>
    </message>
    <message>
        <source>no case completed in the period</source>
        <translation>no case completed in the period</translation>
    </message>
    <message>
        <source>working days, suspensions excluded</source>
        <translation>working days, suspensions excluded</translation>
    </message>
</context>
<context>
    <name>FiguresTableModel</name>
    <message>
        <source>Taken in</source>
        <translation>Taken in</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>Overdue now</source>
        <translation>Overdue now</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>Average working days</source>
        <translation>Average working days</translation>
    </message>
    <message>
        <source>P90 working days</source>
        <translation>P90 working days</translation>
    </message>
    <message>
        <source>One-time notice rate</source>
        <translation>One-time notice rate</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <source>Satisfaction rate</source>
        <translation>Satisfaction rate</translation>
    </message>
    <message>
        <source>Bad ratings</source>
        <translation>Bad ratings</translation>
    </message>
    <message>
        <source>Open rectifications</source>
        <translation>Open rectifications</translation>
    </message>
    <message>
        <source>Overdue rectifications</source>
        <translation>Overdue rectifications</translation>
    </message>
    <message>
        <source>%1 of %2 on time</source>
        <translation>%1 of %2 on time</translation>
    </message>
    <message>
        <source>%1 of %2 with the notice</source>
        <translation>%1 of %2 with the notice</translation>
    </message>
    <message>
        <source>%1 good of %2</source>
        <translation>%1 good of %2</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>Create the administrator account</source>
        <translation>Create the administrator account</translation>
    </message>
    <message>
        <source>Welcome to Counter. This office has no staff account yet: create the administrator, who then adds the accounts of the counter staff.</source>
        <translation>Welcome to Counter. This office has no staff account yet: create the administrator, who then adds the accounts of the counter staff.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>the name shown to colleagues, e.g. 王芳</source>
        <translation>the name shown to colleagues, e.g. 王芳</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>at least %n character</numerusform>
            <numerusform>at least %n characters</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <source>User name message</source>
        <translation>User name message</translation>
    </message>
    <message>
        <source>Password message</source>
        <translation>Password message</translation>
    </message>
    <message>
        <source>Confirm password message</source>
        <translation>Confirm password message</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Display name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation>&amp;Confirm password:</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>Create administrator</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>The two passwords do not match.</translation>
    </message>
</context>
<context>
    <name>FormFields</name>
    <message>
        <source>— choose —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>18 characters, or read the ID card</source>
        <translation>18 characters, or read the ID card</translation>
    </message>
    <message>
        <source>11 digits</source>
        <translation>11 digits</translation>
    </message>
    <message>
        <source>18 characters</source>
        <translation>18 characters</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>from %1</translation>
    </message>
    <message>
        <source>up to %1</source>
        <translation>up to %1</translation>
    </message>
</context>
<context>
    <name>FormPanel</name>
    <message>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Fields marked * are required. Each value is checked as you type.</source>
        <translation>Fields marked * are required. Each value is checked as you type.</translation>
    </message>
    <message>
        <source>Form fields</source>
        <translation>Form fields</translation>
    </message>
    <message>
        <source>Form: %1</source>
        <translation>Form: %1</translation>
    </message>
    <message>
        <source>%1: problem</source>
        <translation>%1: problem</translation>
    </message>
    <message>
        <source>This service has no form of its own: go on to the materials.</source>
        <translation>This service has no form of its own: go on to the materials.</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>IntakeMessages</name>
    <message>
        <source>Enter the resident ID number.</source>
        <translation>Enter the resident ID number.</translation>
    </message>
    <message>
        <source>A resident ID number is 17 digits followed by a digit or X.</source>
        <translation>A resident ID number is 17 digits followed by a digit or X.</translation>
    </message>
    <message>
        <source>The first two digits are not a province code.</source>
        <translation>The first two digits are not a province code.</translation>
    </message>
    <message>
        <source>The check digit does not match: a digit was probably mistyped.</source>
        <translation>The check digit does not match: a digit was probably mistyped.</translation>
    </message>
    <message>
        <source>This ID number is already registered: search for the applicant instead.</source>
        <translation>This ID number is already registered: search for the applicant instead.</translation>
    </message>
    <message>
        <source>The birth date in the number (%1) is in the future.</source>
        <translation>The birth date in the number (%1) is in the future.</translation>
    </message>
    <message>
        <source>The birth date in the number (%1) is before 1900.</source>
        <translation>The birth date in the number (%1) is before 1900.</translation>
    </message>
    <message>
        <source>The birth date in the number is not a real date.</source>
        <translation>The birth date in the number is not a real date.</translation>
    </message>
    <message>
        <source>Enter the mobile number.</source>
        <translation>Enter the mobile number.</translation>
    </message>
    <message>
        <source>A mobile number is 11 digits starting with 13 to 19.</source>
        <translation>A mobile number is 11 digits starting with 13 to 19.</translation>
    </message>
    <message>
        <source>Enter the unified social credit code.</source>
        <translation>Enter the unified social credit code.</translation>
    </message>
    <message>
        <source>A unified social credit code is 18 characters: digits and capital letters (no I, O, S, V, Z).</source>
        <translation>A unified social credit code is 18 characters: digits and capital letters (no I, O, S, V, Z).</translation>
    </message>
    <message>
        <source>The check character does not match: a character was probably mistyped.</source>
        <translation>The check character does not match: a character was probably mistyped.</translation>
    </message>
    <message>
        <source>This code is already registered: search for the organisation instead.</source>
        <translation>This code is already registered: search for the organisation instead.</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>This field is required.</translation>
    </message>
    <message>
        <source>This text is too long.</source>
        <translation>This text is too long.</translation>
    </message>
    <message>
        <source>At most %1 characters.</source>
        <translation>At most %1 characters.</translation>
    </message>
    <message>
        <source>This does not have the expected form.</source>
        <translation>This does not have the expected form.</translation>
    </message>
    <message>
        <source>At least %1.</source>
        <translation>At least %1.</translation>
    </message>
    <message>
        <source>At most %1.</source>
        <translation>At most %1.</translation>
    </message>
    <message>
        <source>Choose one of the options.</source>
        <translation>Choose one of the options.</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>Enter a whole number.</translation>
    </message>
    <message>
        <source>Enter a number, such as 1200 or 1200.50.</source>
        <translation>Enter a number, such as 1200 or 1200.50.</translation>
    </message>
    <message>
        <source>There is no such date.</source>
        <translation>There is no such date.</translation>
    </message>
    <message>
        <source>Enter a date such as 2026-01-31.</source>
        <translation>Enter a date such as 2026-01-31.</translation>
    </message>
    <message>
        <source>Answer yes or no.</source>
        <translation>Answer yes or no.</translation>
    </message>
    <message>
        <source>Wrong file type: only %1 files are accepted.</source>
        <translation>Wrong file type: only %1 files are accepted.</translation>
    </message>
    <message>
        <source>The file is too large: at most %1 MB.</source>
        <translation>The file is too large: at most %1 MB.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>The file is empty.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>The file cannot be read.</translation>
    </message>
    <message>
        <source>Mandatory materials are missing: the application cannot be accepted yet.</source>
        <translation>Mandatory materials are missing: the application cannot be accepted yet.</translation>
    </message>
    <message>
        <source>Some missing materials are not minor: they cannot be left pending. Issue a one-time notice.</source>
        <translation>Some missing materials are not minor: they cannot be left pending. Issue a one-time notice.</translation>
    </message>
    <message>
        <source>Nothing is missing: accept the application.</source>
        <translation>Nothing is missing: accept the application.</translation>
    </message>
    <message>
        <source>The deadline must be after today.</source>
        <translation>The deadline must be after today.</translation>
    </message>
    <message>
        <source>Write down the applicant&apos;s commitment.</source>
        <translation>Write down the applicant&apos;s commitment.</translation>
    </message>
    <message>
        <source>Give the reason for refusing.</source>
        <translation>Give the reason for refusing.</translation>
    </message>
    <message>
        <source>This service is not open to this kind of applicant.</source>
        <translation>This service is not open to this kind of applicant.</translation>
    </message>
    <message>
        <source>This service has been retired from the catalogue.</source>
        <translation>This service has been retired from the catalogue.</translation>
    </message>
    <message>
        <source>This step is not possible for the application in its current state.</source>
        <translation>This step is not possible for the application in its current state.</translation>
    </message>
    <message>
        <source>Scans can only be removed before the decision.</source>
        <translation>Scans can only be removed before the decision.</translation>
    </message>
    <message>
        <source>This scan has already been sent to the platform: it can no longer be removed here.</source>
        <translation>This scan has already been sent to the platform: it can no longer be removed here.</translation>
    </message>
</context>
<context>
    <name>IntakeView</name>
    <message>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>Materials</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>This intake so far</source>
        <translation>This intake so far</translation>
    </message>
    <message>
        <source>Intake message</source>
        <translation>Intake message</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Back (Alt+B, Alt+Left)</source>
        <translation>Back (Alt+B, Alt+Left)</translation>
    </message>
    <message>
        <source>Go on</source>
        <translation>Go on</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>Your role does not take applications in. Log in as a counter clerk or supervisor to take one in.</source>
        <translation>Your role does not take applications in. Log in as a counter clerk or supervisor to take one in.</translation>
    </message>
    <message>
        <source>Decide and issue the notice (Ctrl+Enter)</source>
        <translation>Decide and issue the notice (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Next (Ctrl+Enter)</source>
        <translation>Next (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Some fields need attention.</source>
        <translation>Some fields need attention.</translation>
    </message>
    <message>
        <source>Application %1 was left as a draft.</source>
        <translation>Application %1 was left as a draft.</translation>
    </message>
    <message>
        <source>An ID card was read while an application is being taken in. Finish it, or start a new intake (Ctrl+N) and read the card again.</source>
        <translation>An ID card was read while an application is being taken in. Finish it, or start a new intake (Ctrl+N) and read the card again.</translation>
    </message>
    <message>
        <source>Applicant: %1 (%2)</source>
        <translation>Applicant: %1 (%2)</translation>
    </message>
    <message>
        <source>Service: %1</source>
        <translation>Service: %1</translation>
    </message>
    <message>
        <source>Receipt number: %1 (%2)</source>
        <translation>Receipt number: %1 (%2)</translation>
    </message>
    <message>
        <source>A new intake: find the applicant first (or read the ID card).</source>
        <translation>A new intake: find the applicant first (or read the ID card).</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
</context>
<context>
    <name>ItemFormModel</name>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>ItemMaterialsModel</name>
    <message>
        <source>Material</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Originals</source>
        <translation>Originals</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Copies</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Required, may follow later</source>
        <translation>Required, may follow later</translation>
    </message>
</context>
<context>
    <name>KeysTab</name>
    <message>
        <source>Where the data key is</source>
        <translation>Where the data key is</translation>
    </message>
    <message>
        <source>Device token</source>
        <translation>Device token</translation>
    </message>
    <message>
        <source>OS keyring on this computer</source>
        <translation>OS keyring on this computer</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>&amp;Move the key to the OS keyring</source>
        <translation>&amp;Move the key to the OS keyring</translation>
    </message>
    <message>
        <source>Move the key to the OS keyring</source>
        <translation>Move the key to the OS keyring</translation>
    </message>
    <message>
        <source>Copies the data key and the device token to the OS keyring, checks them, then deletes the file</source>
        <translation>Copies the data key and the device token to the OS keyring, checks them, then deletes the file</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>The key that protects citizens&apos; personal data</source>
        <translation>The key that protects citizens&apos; personal data</translation>
    </message>
    <message>
        <source>Data key:</source>
        <translation>Data key:</translation>
    </message>
    <message>
        <source>Device token:</source>
        <translation>Device token:</translation>
    </message>
    <message>
        <source>OS keyring:</source>
        <translation>OS keyring:</translation>
    </message>
    <message>
        <source>ID numbers, phone numbers, addresses and scans are encrypted with the data key. Kept in the OS keyring, it is unlocked by the Windows or desktop login of this computer; kept in the fallback file, it is protected only by the file&apos;s permissions.</source>
        <translation>ID numbers, phone numbers, addresses and scans are encrypted with the data key. Kept in the OS keyring, it is unlocked by the Windows or desktop login of this computer; kept in the fallback file, it is protected only by the file&apos;s permissions.</translation>
    </message>
    <message>
        <source>In the OS keyring (%1)</source>
        <translation>In the OS keyring (%1)</translation>
    </message>
    <message>
        <source>In the fallback file %1</source>
        <translation>In the fallback file %1</translation>
    </message>
    <message>
        <source>Stored with the data key</source>
        <translation>Stored with the data key</translation>
    </message>
    <message>
        <source>None: this counter is not enrolled with the platform</source>
        <translation>None: this counter is not enrolled with the platform</translation>
    </message>
    <message>
        <source>Works (%1)</source>
        <translation>Works (%1)</translation>
    </message>
    <message>
        <source>None works on this computer (%1): the key stays in the file</source>
        <translation>None works on this computer (%1): the key stays in the file</translation>
    </message>
    <message>
        <source>No OS keyring protects the data key. Anyone who can copy the file %1 together with the data directory (or a backup of it) can read the citizens&apos; personal data. Let only the administrator log in to this computer&apos;s account, and move the key to the OS keyring as soon as one works here.</source>
        <translation>No OS keyring protects the data key. Anyone who can copy the file %1 together with the data directory (or a backup of it) can read the citizens&apos; personal data. Let only the administrator log in to this computer&apos;s account, and move the key to the OS keyring as soon as one works here.</translation>
    </message>
    <message>
        <source>A copy of the data key is still in the file %1 (a move was interrupted): move again to delete it.</source>
        <translation>A copy of the data key is still in the file %1 (a move was interrupted): move again to delete it.</translation>
    </message>
    <message>
        <source>The data key and the device token are now in the OS keyring and the fallback file was deleted. Copies of that file made earlier (in backups of the computer) still hold the key.</source>
        <translation>The data key and the device token are now in the OS keyring and the fallback file was deleted. Copies of that file made earlier (in backups of the computer) still hold the key.</translation>
    </message>
    <message>
        <source>No OS keyring works on this computer: the key stays in the file.</source>
        <translation>No OS keyring works on this computer: the key stays in the file.</translation>
    </message>
    <message>
        <source>The data key is in the OS keyring already.</source>
        <translation>The data key is in the OS keyring already.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>On the spot</source>
        <translation>On the spot</translation>
    </message>
</context>
<context>
    <name>ListOrder</name>
    <message>
        <source>Newest intake first</source>
        <translation>Newest intake first</translation>
    </message>
    <message>
        <source>Oldest intake first</source>
        <translation>Oldest intake first</translation>
    </message>
    <message>
        <source>Due date, earliest first</source>
        <translation>Due date, earliest first</translation>
    </message>
    <message>
        <source>Due date, latest first</source>
        <translation>Due date, latest first</translation>
    </message>
    <message>
        <source>Receipt number, ascending</source>
        <translation>Receipt number, ascending</translation>
    </message>
    <message>
        <source>Receipt number, descending</source>
        <translation>Receipt number, descending</translation>
    </message>
    <message>
        <source>Applicant, pinyin A to Z</source>
        <translation>Applicant, pinyin A to Z</translation>
    </message>
    <message>
        <source>Applicant, pinyin Z to A</source>
        <translation>Applicant, pinyin Z to A</translation>
    </message>
    <message>
        <source>Service item, ascending</source>
        <translation>Service item, ascending</translation>
    </message>
    <message>
        <source>Service item, descending</source>
        <translation>Service item, descending</translation>
    </message>
    <message>
        <source>Status, in the order of the steps</source>
        <translation>Status, in the order of the steps</translation>
    </message>
    <message>
        <source>Status, in reverse order</source>
        <translation>Status, in reverse order</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Log in with your staff account.</source>
        <translation>Log in with your staff account.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Login message</source>
        <translation>Login message</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>An administrator reset your password. Choose a new password of your own to go on; nobody else should know it.</source>
        <translation>An administrator reset your password. Choose a new password of your own to go on; nobody else should know it.</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>at least %n character</numerusform>
            <numerusform>at least %n characters</numerusform>
        </translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>Repeat the new password</translation>
    </message>
    <message>
        <source>New password message</source>
        <translation>New password message</translation>
    </message>
    <message>
        <source>Repeated password message</source>
        <translation>Repeated password message</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Repeat it:</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Enter your user name and password.</translation>
    </message>
    <message>
        <source>Choose a new password</source>
        <translation>Choose a new password</translation>
    </message>
    <message>
        <source>Change password and log in</source>
        <translation>Change password and log in</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>The two passwords do not match.</translation>
    </message>
    <message>
        <source>The password could not be changed. Try again.</source>
        <translation>The password could not be changed. Try again.</translation>
    </message>
    <message>
        <source>Choose a password different from the temporary one.</source>
        <translation>Choose a password different from the temporary one.</translation>
    </message>
    <message>
        <source>Demo accounts</source>
        <translation>Demo accounts</translation>
    </message>
    <message>
        <source>Demo mode: these accounts hold made-up data only.</source>
        <translation>Demo mode: these accounts hold made-up data only.</translation>
    </message>
    <message>
        <source>%1: user name %2, password %3</source>
        <translation>%1: user name %2, password %3</translation>
    </message>
    <message>
        <source>The login could not be checked. Try again.</source>
        <translation>The login could not be checked. Try again.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Rectification</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Workbench</source>
        <translation>Workbench</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Sections</translation>
    </message>
    <message>
        <source>Key storage warning</source>
        <translation>Key storage warning</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Applications</translation>
    </message>
    <message>
        <source>Applicants</source>
        <translation>Applicants</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Lar&amp;ge text</source>
        <translation>Lar&amp;ge text</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Logged in: %1 (%2)</source>
        <translation>Logged in: %1 (%2)</translation>
    </message>
    <message>
        <source>Logged-in user</source>
        <translation>Logged-in user</translation>
    </message>
    <message>
        <source>Pending sync operations</source>
        <translation>Pending sync operations</translation>
    </message>
    <message>
        <source>Lock (Ctrl+L)</source>
        <translation>Lock (Ctrl+L)</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message numerus="yes">
        <source>%n operation(s) waiting to sync</source>
        <translation>
            <numerusform>%n operation waiting to sync</numerusform>
            <numerusform>%n operations waiting to sync</numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: no working OS keyring was found, so the key that protects personal data is kept in a fallback key file. Anyone who can copy that file and the data can read them. Protect the file, or set up the OS keyring.</source>
        <translation>Warning: no working OS keyring was found, so the key that protects personal data is kept in a fallback key file. Anyone who can copy that file and the data can read them. Protect the file, or set up the OS keyring.</translation>
    </message>
    <message>
        <source>Connection to the platform</source>
        <translation>Connection to the platform</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Sync now (F5)</source>
        <translation>Sync now (F5)</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Syncing… %1/%2</source>
        <translation>Syncing… %1/%2</translation>
    </message>
    <message>
        <source>The platform cannot be reached now; sync starts as soon as it can be.</source>
        <translation>The platform cannot be reached now; sync starts as soon as it can be.</translation>
    </message>
    <message>
        <source>S&amp;ystem</source>
        <translation>S&amp;ystem</translation>
    </message>
    <message>
        <source>Not connected to a platform</source>
        <translation>Not connected to a platform</translation>
    </message>
    <message>
        <source>This counter is not enrolled with a government service platform yet; everything is kept on this computer.</source>
        <translation>This counter is not enrolled with a government service platform yet; everything is kept on this computer.</translation>
    </message>
    <message>
        <source>Access revoked</source>
        <translation>Access revoked</translation>
    </message>
    <message>
        <source>The platform revoked this counter&apos;s access: enroll it again.</source>
        <translation>The platform revoked this counter&apos;s access: enroll it again.</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Connected to %1</translation>
    </message>
    <message>
        <source>Checking the connection…</source>
        <translation>Checking the connection…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>%1 cannot be reached now. Work carries on; changes are sent when it can be reached again.</source>
        <translation>%1 cannot be reached now. Work carries on; changes are sent when it can be reached again.</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
</context>
<context>
    <name>MaterialsModel</name>
    <message>
        <source>Material</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Originals</source>
        <translation>Originals</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Copies</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>Scans</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Issued by: %1</source>
        <translation>Issued by: %1</translation>
    </message>
    <message>
        <source>%1 (optional)</source>
        <translation>%1 (optional)</translation>
    </message>
    <message>
        <source>originals %1, copies %2</source>
        <translation>originals %1, copies %2</translation>
    </message>
    <message>
        <source>, may be pending</source>
        <translation>, may be pending</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refused: %1</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 and %2 more</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>Not handed in</source>
        <translation>Not handed in</translation>
    </message>
    <message>
        <source>Scans: %1, at most %2 MB</source>
        <translation>Scans: %1, at most %2 MB</translation>
    </message>
</context>
<context>
    <name>MaterialsPanel</name>
    <message>
        <source>Materials</source>
        <translation>Materials</translation>
    </message>
    <message>
        <source>Mark all mandatory &amp;received</source>
        <translation>Mark all mandatory &amp;received</translation>
    </message>
    <message>
        <source>Mark all mandatory materials received</source>
        <translation>Mark all mandatory materials received</translation>
    </message>
    <message>
        <source>&amp;Attach scan…</source>
        <translation>&amp;Attach scan…</translation>
    </message>
    <message>
        <source>Attach a scan from a file</source>
        <translation>Attach a scan from a file</translation>
    </message>
    <message>
        <source>Pick up from &amp;camera folder</source>
        <translation>Pick up from &amp;camera folder</translation>
    </message>
    <message>
        <source>Pick up the newest scan from the camera folder</source>
        <translation>Pick up the newest scan from the camera folder</translation>
    </message>
    <message>
        <source>Camera &amp;folder…</source>
        <translation>Camera &amp;folder…</translation>
    </message>
    <message>
        <source>Choose the camera folder</source>
        <translation>Choose the camera folder</translation>
    </message>
    <message>
        <source>Camera folder</source>
        <translation>Camera folder</translation>
    </message>
    <message>
        <source>Materials summary</source>
        <translation>Materials summary</translation>
    </message>
    <message>
        <source>Scan problem</source>
        <translation>Scan problem</translation>
    </message>
    <message>
        <source>Scan attached</source>
        <translation>Scan attached</translation>
    </message>
    <message>
        <source>Space: received in full (or nothing); type a number to change the count under the cursor. Scans are checked for type and size before they are kept.</source>
        <translation>Space: received in full (or nothing); type a number to change the count under the cursor. Scans are checked for type and size before they are kept.</translation>
    </message>
    <message>
        <source>Received: %1 · mandatory missing: %2 · optional not handed in: %3</source>
        <translation>Received: %1 · mandatory missing: %2 · optional not handed in: %3</translation>
    </message>
    <message>
        <source>Scan of %1</source>
        <translation>Scan of %1</translation>
    </message>
    <message>
        <source>Scans (%1)</source>
        <translation>Scans (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Choose the camera folder first (Alt+F).</source>
        <translation>Choose the camera folder first (Alt+F).</translation>
    </message>
    <message>
        <source>No scan found in %1.</source>
        <translation>No scan found in %1.</translation>
    </message>
    <message>
        <source>%1 was not attached to %2: %3</source>
        <translation>%1 was not attached to %2: %3</translation>
    </message>
    <message>
        <source>%1 attached to %2.</source>
        <translation>%1 attached to %2.</translation>
    </message>
    <message>
        <source>Folder where the document camera saves</source>
        <translation>Folder where the document camera saves</translation>
    </message>
    <message>
        <source>Camera folder: %1</source>
        <translation>Camera folder: %1</translation>
    </message>
    <message>
        <source>No camera folder chosen.</source>
        <translation>No camera folder chosen.</translation>
    </message>
    <message>
        <source>%1 was removed.</source>
        <translation>%1 was removed.</translation>
    </message>
    <message>
        <source>No scan is attached to %1 yet.</source>
        <translation>No scan is attached to %1 yet.</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Opening %1…</translation>
    </message>
    <message>
        <source>Removing %1…</source>
        <translation>Removing %1…</translation>
    </message>
    <message>
        <source>Vie&amp;w scans…</source>
        <translation>Vie&amp;w scans…</translation>
    </message>
    <message>
        <source>View or remove the scans of the material</source>
        <translation>View or remove the scans of the material</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <source>No. %1</source>
        <translation>No. %1</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <source>Originals</source>
        <translation>Originals</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Copies</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Acceptance Notice</source>
        <translation>Acceptance Notice</translation>
    </message>
    <message>
        <source>One-time Notice of Materials to Supply</source>
        <translation>One-time Notice of Materials to Supply</translation>
    </message>
    <message>
        <source>Notice of Acceptance with Materials Pending</source>
        <translation>Notice of Acceptance with Materials Pending</translation>
    </message>
    <message>
        <source>Notice of Refusal to Accept</source>
        <translation>Notice of Refusal to Accept</translation>
    </message>
    <message>
        <source>the provisions on accepting applications with minor materials pending</source>
        <translation>the provisions on accepting applications with minor materials pending</translation>
    </message>
    <message>
        <source>the rules on one-time notification in government services</source>
        <translation>the rules on one-time notification in government services</translation>
    </message>
    <message>
        <source>Article 32 of the Administrative Licensing Law of the People&apos;s Republic of China</source>
        <translation>Article 32 of the Administrative Licensing Law of the People&apos;s Republic of China</translation>
    </message>
    <message>
        <source>Article 32, paragraph 1, item (4) of the Administrative Licensing Law of the People&apos;s Republic of China</source>
        <translation>Article 32, paragraph 1, item (4) of the Administrative Licensing Law of the People&apos;s Republic of China</translation>
    </message>
    <message>
        <source>Article 32, paragraph 1 of the Administrative Licensing Law of the People&apos;s Republic of China</source>
        <translation>Article 32, paragraph 1 of the Administrative Licensing Law of the People&apos;s Republic of China</translation>
    </message>
    <message>
        <source>%1 and related provisions</source>
        <translation>%1 and related provisions</translation>
    </message>
    <message>
        <source>on the spot</source>
        <translation>on the spot</translation>
    </message>
    <message>
        <source>%1 calendar days</source>
        <translation>%1 calendar days</translation>
    </message>
    <message>
        <source>%1 working days</source>
        <translation>%1 working days</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Your application for “%1”, submitted on %2, has been examined: the application materials are complete and in the statutory form. In accordance with %3, the application is accepted.</source>
        <translation>Your application for “%1”, submitted on %2, has been examined: the application materials are complete and in the statutory form. In accordance with %3, the application is accepted.</translation>
    </message>
    <message>
        <source>Your application for “%1”, submitted on %2, has been examined: its main materials are complete and in the statutory form, and some minor materials are still to be supplied. As you have committed in writing to supply them within the time limit, the application is accepted with materials pending in accordance with %3.</source>
        <translation>Your application for “%1”, submitted on %2, has been examined: its main materials are complete and in the statutory form, and some minor materials are still to be supplied. As you have committed in writing to supply them within the time limit, the application is accepted with materials pending in accordance with %3.</translation>
    </message>
    <message>
        <source>Your application for “%1”, submitted on %2, has been examined: the application materials are incomplete or not in the statutory form. In accordance with %3, everything you need to supply is listed below, all at once:</source>
        <translation>Your application for “%1”, submitted on %2, has been examined: the application materials are incomplete or not in the statutory form. In accordance with %3, everything you need to supply is listed below, all at once:</translation>
    </message>
    <message>
        <source>Your application for “%1”, submitted on %2, has been examined and does not meet the conditions for acceptance, for this reason: %3. In accordance with %4, the application is not accepted.</source>
        <translation>Your application for “%1”, submitted on %2, has been examined and does not meet the conditions for acceptance, for this reason: %3. In accordance with %4, the application is not accepted.</translation>
    </message>
    <message>
        <source>This service is handled on the spot and completed the same day.</source>
        <translation>This service is handled on the spot and completed the same day.</translation>
    </message>
    <message>
        <source>This service is to be completed within %1, by %2. Days needed by law for hearings, tendering, auctions, inspection, testing, quarantine, appraisal or expert review are not counted in this time limit.</source>
        <translation>This service is to be completed within %1, by %2. Days needed by law for hearings, tendering, auctions, inspection, testing, quarantine, appraisal or expert review are not counted in this time limit.</translation>
    </message>
    <message>
        <source>Materials to supply (%1 items):</source>
        <translation>Materials to supply (%1 items):</translation>
    </message>
    <message>
        <source>Materials pending (%1 items):</source>
        <translation>Materials pending (%1 items):</translation>
    </message>
    <message>
        <source>Materials received (%1 items):</source>
        <translation>Materials received (%1 items):</translation>
    </message>
    <message>
        <source>, </source>
        <comment>separator between the items of a list</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>Materials received: %1 (%2 items).</source>
        <translation>Materials received: %1 (%2 items).</translation>
    </message>
    <message>
        <source>Keep this notice: quote the receipt number to follow the progress of the application and to collect the result.</source>
        <translation>Keep this notice: quote the receipt number to follow the progress of the application and to collect the result.</translation>
    </message>
    <message>
        <source>This list is complete: we will not ask for any material that is not on it. Bring all of the materials above, with this notice, to %1 and submit the application again; once the materials are complete and in the statutory form, it will be accepted according to law.</source>
        <translation>This list is complete: we will not ask for any material that is not on it. Bring all of the materials above, with this notice, to %1 and submit the application again; once the materials are complete and in the statutory form, it will be accepted according to law.</translation>
    </message>
    <message>
        <source>Supply the pending materials above by %1. If they are not supplied in time, or do not meet the requirements, the handling of the application will be terminated according to law and the applicant bears the consequences.</source>
        <translation>Supply the pending materials above by %1. If they are not supplied in time, or do not meet the requirements, the handling of the application will be terminated according to law and the applicant bears the consequences.</translation>
    </message>
    <message>
        <source>Applicant&apos;s commitment: %1</source>
        <translation>Applicant&apos;s commitment: %1</translation>
    </message>
    <message>
        <source>Hereby notified.</source>
        <translation>Hereby notified.</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Service code</source>
        <translation>Service code</translation>
    </message>
    <message>
        <source>Implementing body</source>
        <translation>Implementing body</translation>
    </message>
    <message>
        <source>Accepted on</source>
        <translation>Accepted on</translation>
    </message>
    <message>
        <source>Promised completion date</source>
        <translation>Promised completion date</translation>
    </message>
    <message>
        <source>Pending materials due by</source>
        <translation>Pending materials due by</translation>
    </message>
    <message>
        <source>%1 (seal)</source>
        <translation>%1 (seal)</translation>
    </message>
    <message>
        <source>Staff member: %1</source>
        <translation>Staff member: %1</translation>
    </message>
    <message>
        <source>Applicant&apos;s signature to the commitment:</source>
        <translation>Applicant&apos;s signature to the commitment:</translation>
    </message>
    <message>
        <source>Applicant&apos;s signature:</source>
        <translation>Applicant&apos;s signature:</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>Address: %1</translation>
    </message>
    <message>
        <source>Telephone: %1</source>
        <translation>Telephone: %1</translation>
    </message>
    <message>
        <source>This notice is made out in two copies: one for the applicant, one for the office.</source>
        <translation>This notice is made out in two copies: one for the applicant, one for the office.</translation>
    </message>
    <message>
        <source>Scan to verify</source>
        <translation>Scan to verify</translation>
    </message>
    <message>
        <source>Verification code: %1</source>
        <translation>Verification code: %1</translation>
    </message>
    <message>
        <source>d MMMM yyyy</source>
        <comment>date format of notices (QDate::toString)</comment>
        <translation>d MMMM yyyy</translation>
    </message>
</context>
<context>
    <name>NoticeActions</name>
    <message>
        <source>Save the notice as PDF</source>
        <translation>Save the notice as PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>NoticePrinting</name>
    <message>
        <source>Print preview: %1</source>
        <translation>Print preview: %1</translation>
    </message>
    <message>
        <source>Print notice</source>
        <translation>Print notice</translation>
    </message>
</context>
<context>
    <name>OfficeSetupDialog</name>
    <message>
        <source>Set up this office</source>
        <translation>Set up this office</translation>
    </message>
    <message>
        <source>Office name on notices</source>
        <translation>Office name on notices</translation>
    </message>
    <message>
        <source>e.g. 青山镇便民服务中心</source>
        <translation>e.g. 青山镇便民服务中心</translation>
    </message>
    <message>
        <source>Office contact on notices</source>
        <translation>Office contact on notices</translation>
    </message>
    <message>
        <source>telephone and address, e.g. 0571-1234567 青山镇政府一楼</source>
        <translation>telephone and address, e.g. 0571-1234567 青山镇政府一楼</translation>
    </message>
    <message>
        <source>Office name message</source>
        <translation>Office name message</translation>
    </message>
    <message>
        <source>Office contact message</source>
        <translation>Office contact message</translation>
    </message>
    <message>
        <source>Office &amp;name:</source>
        <translation>Office &amp;name:</translation>
    </message>
    <message>
        <source>&amp;Contact:</source>
        <translation>&amp;Contact:</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Step 2 of 3: the office</source>
        <translation>Step 2 of 3: the office</translation>
    </message>
    <message>
        <source>Notices given to citizens (acceptance receipts, one-time notices, refusals) carry the office&apos;s name and how to reach it.</source>
        <translation>Notices given to citizens (acceptance receipts, one-time notices, refusals) carry the office&apos;s name and how to reach it.</translation>
    </message>
    <message>
        <source>Enter the office&apos;s name.</source>
        <translation>Enter the office&apos;s name.</translation>
    </message>
    <message>
        <source>Enroll</source>
        <translation>Enroll</translation>
    </message>
    <message>
        <source>Later: work offline</source>
        <translation>Later: work offline</translation>
    </message>
    <message>
        <source>Step 3 of 3: the platform</source>
        <translation>Step 3 of 3: the platform</translation>
    </message>
    <message>
        <source>Enroll this counter with the government service platform with the one-time code the platform&apos;s operator gave the office. Without it, everything is kept on this computer and sent once the counter is enrolled (Admin page, Platform).</source>
        <translation>Enroll this counter with the government service platform with the one-time code the platform&apos;s operator gave the office. Without it, everything is kept on this computer and sent once the counter is enrolled (Admin page, Platform).</translation>
    </message>
</context>
<context>
    <name>PeriodChooser</name>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Any time</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>From … to …</source>
        <translation>From … to …</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>First day</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Last day</translation>
    </message>
    <message>
        <source>Problem with the period</source>
        <translation>Problem with the period</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
</context>
<context>
    <name>PersonalDataViewsModel</name>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Views in all</source>
        <translation>Views in all</translation>
    </message>
    <message>
        <source>Applicants&apos; data shown</source>
        <translation>Applicants&apos; data shown</translation>
    </message>
    <message>
        <source>Scans opened</source>
        <translation>Scans opened</translation>
    </message>
    <message>
        <source>Notices prepared</source>
        <translation>Notices prepared</translation>
    </message>
    <message>
        <source>First</source>
        <translation>First</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Last</translation>
    </message>
</context>
<context>
    <name>PlatformLog</name>
    <message>
        <source>Automatic</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Full sync and verify</source>
        <translation>Full sync and verify</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Command line</translation>
    </message>
    <message>
        <source>Running (or interrupted)</source>
        <translation>Running (or interrupted)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Partly done: work is waiting</source>
        <translation>Partly done: work is waiting</translation>
    </message>
    <message>
        <source>Platform unreachable</source>
        <translation>Platform unreachable</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Device revoked</source>
        <translation>Device revoked</translation>
    </message>
    <message>
        <source>Not enrolled</source>
        <translation>Not enrolled</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Contacting the platform…</source>
        <translation>Contacting the platform…</translation>
    </message>
    <message>
        <source>Receiving the service catalogue…</source>
        <translation>Receiving the service catalogue…</translation>
    </message>
    <message>
        <source>Sending the work done here…</source>
        <translation>Sending the work done here…</translation>
    </message>
    <message>
        <source>Sending attachments…</source>
        <translation>Sending attachments…</translation>
    </message>
    <message>
        <source>Receiving the platform&apos;s changes…</source>
        <translation>Receiving the platform&apos;s changes…</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Started by</source>
        <translation>Started by</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>PlatformTab</name>
    <message>
        <source>This counter</source>
        <translation>This counter</translation>
    </message>
    <message>
        <source>Platform address</source>
        <translation>Platform address</translation>
    </message>
    <message>
        <source>Device id</source>
        <translation>Device id</translation>
    </message>
    <message>
        <source>Counter name</source>
        <translation>Counter name</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Receipt prefix</source>
        <translation>Receipt prefix</translation>
    </message>
    <message>
        <source>&amp;Enroll…</source>
        <translation>&amp;Enroll…</translation>
    </message>
    <message>
        <source>Enroll this counter</source>
        <translation>Enroll this counter</translation>
    </message>
    <message>
        <source>Platform address:</source>
        <translation>Platform address:</translation>
    </message>
    <message>
        <source>Device id:</source>
        <translation>Device id:</translation>
    </message>
    <message>
        <source>Counter name:</source>
        <translation>Counter name:</translation>
    </message>
    <message>
        <source>Office:</source>
        <translation>Office:</translation>
    </message>
    <message>
        <source>Receipt prefix:</source>
        <translation>Receipt prefix:</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Sync no&amp;w</source>
        <translation>Sync no&amp;w</translation>
    </message>
    <message>
        <source>&amp;Full sync and verify</source>
        <translation>&amp;Full sync and verify</translation>
    </message>
    <message>
        <source>Full sync and verify</source>
        <translation>Full sync and verify</translation>
    </message>
    <message>
        <source>Download the office&apos;s data again from the platform and compare; nothing waiting is lost</source>
        <translation>Download the office&apos;s data again from the platform and compare; nothing waiting is lost</translation>
    </message>
    <message>
        <source>&amp;Cancel sync</source>
        <translation>&amp;Cancel sync</translation>
    </message>
    <message>
        <source>Cancel the running sync</source>
        <translation>Cancel the running sync</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Sync progress</translation>
    </message>
    <message>
        <source>The counter syncs by itself when the platform is reachable. Full sync and verify downloads the office&apos;s data again and checks that this counter holds exactly what the platform holds; what waits to be sent is kept and sent first.</source>
        <translation>The counter syncs by itself when the platform is reachable. Full sync and verify downloads the office&apos;s data again and checks that this counter holds exactly what the platform holds; what waits to be sent is kept and sent first.</translation>
    </message>
    <message>
        <source>Last syncs</source>
        <translation>Last syncs</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Not enrolled: everything is kept on this computer until it is.</source>
        <translation>Not enrolled: everything is kept on this computer until it is.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The platform revoked this device on %1: enroll it again with a new code.</source>
        <translation>The platform revoked this device on %1: enroll it again with a new code.</translation>
    </message>
    <message>
        <source>Enrolled.</source>
        <translation>Enrolled.</translation>
    </message>
    <message>
        <source>Enrolled with %1 (%2).</source>
        <translation>Enrolled with %1 (%2).</translation>
    </message>
    <message>
        <source>The platform cannot be reached now; the counter syncs as soon as it is back.</source>
        <translation>The platform cannot be reached now; the counter syncs as soon as it is back.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <source>Cancelling at the next safe point…</source>
        <translation>Cancelling at the next safe point…</translation>
    </message>
    <message>
        <source>sent %1, received %2, conflicts %3, refused %4</source>
        <translation>sent %1, received %2, conflicts %3, refused %4</translation>
    </message>
    <message>
        <source>Cancelled (%1). What was sent or received stays; the next sync does the rest.</source>
        <translation>Cancelled (%1). What was sent or received stays; the next sync does the rest.</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>Verified: this counter holds exactly the platform&apos;s records.</source>
        <translation>Verified: this counter holds exactly the platform&apos;s records.</translation>
    </message>
    <message>
        <source>Verification found differences: run Full sync and verify; if they remain, call support.</source>
        <translation>Verification found differences: run Full sync and verify; if they remain, call support.</translation>
    </message>
</context>
<context>
    <name>RatingView</name>
    <message>
        <source>Rate our service</source>
        <translation>Rate our service</translation>
    </message>
    <message>
        <source>Please rate our service</source>
        <translation>Please rate our service</translation>
    </message>
    <message>
        <source>How satisfied are you with this service?</source>
        <translation>How satisfied are you with this service?</translation>
    </message>
    <message>
        <source>What should we improve? (optional, choose any)</source>
        <translation>What should we improve? (optional, choose any)</translation>
    </message>
    <message>
        <source>Comments or suggestions (optional, up to %1 characters)</source>
        <translation>Comments or suggestions (optional, up to %1 characters)</translation>
    </message>
    <message>
        <source>Comments or suggestions</source>
        <translation>Comments or suggestions</translation>
    </message>
    <message>
        <source>Tap here to write to us</source>
        <translation>Tap here to write to us</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>Do not rate</source>
        <translation>Do not rate</translation>
    </message>
    <message>
        <source>One moment, please…</source>
        <translation>One moment, please…</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Thank you for your rating!</source>
        <translation>Thank you for your rating!</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Service: %1    Receipt number: %2</source>
        <translation>Service: %1    Receipt number: %2</translation>
    </message>
    <message>
        <source>This application cannot be rated: its result has not been delivered, or it was rated or withdrawn.</source>
        <translation>This application cannot be rated: its result has not been delivered, or it was rated or withdrawn.</translation>
    </message>
    <message>
        <source>This visit has already been rated.</source>
        <translation>This visit has already been rated.</translation>
    </message>
    <message>
        <source>The rating could not be opened. Please try again.</source>
        <translation>The rating could not be opened. Please try again.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>We are sorry. Your opinion goes to the office&apos;s supervisor, who will follow it up.</source>
        <translation>We are sorry. Your opinion goes to the office&apos;s supervisor, who will follow it up.</translation>
    </message>
    <message>
        <source>Your rating: %1</source>
        <translation>Your rating: %1</translation>
    </message>
    <message>
        <source>This rating can no longer be given here. Please ask the clerk.</source>
        <translation>This rating can no longer be given here. Please ask the clerk.</translation>
    </message>
    <message>
        <source>Your rating could not be saved. Please try again.</source>
        <translation>Your rating could not be saved. Please try again.</translation>
    </message>
</context>
<context>
    <name>RectificationLabels</name>
    <message>
        <source>Very satisfied</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>Fairly satisfied</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation>Efficiency</translation>
    </message>
    <message>
        <source>Competence</source>
        <translation>Competence</translation>
    </message>
    <message>
        <source>Attitude</source>
        <translation>Attitude</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>RectificationsModel</name>
    <message>
        <source>Receipt no.</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>Found unsatisfactory</source>
        <translation>Found unsatisfactory</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>RectificationsView</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Rectification tasks</source>
        <translation>Rectification tasks</translation>
    </message>
    <message>
        <source>No tasks</source>
        <translation>No tasks</translation>
    </message>
    <message>
        <source>Task details</source>
        <translation>Task details</translation>
    </message>
    <message>
        <source>&amp;What was done:</source>
        <translation>&amp;What was done:</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>What was done</translation>
    </message>
    <message>
        <source>Up to %1 characters; the platform receives it with the closed task.</source>
        <translation>Up to %1 characters; the platform receives it with the closed task.</translation>
    </message>
    <message>
        <source>E.g. called the citizen back, explained the conditions, trained the clerk</source>
        <translation>E.g. called the citizen back, explained the conditions, trained the clerk</translation>
    </message>
    <message>
        <source>Problem with what was done</source>
        <translation>Problem with what was done</translation>
    </message>
    <message>
        <source>&amp;Close task</source>
        <translation>&amp;Close task</translation>
    </message>
    <message>
        <source>Close task</source>
        <translation>Close task</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Rectification</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <source>Rectification tasks follow up bad ratings. They are handled by supervisors; your role does not include this.</source>
        <translation>Rectification tasks follow up bad ratings. They are handled by supervisors; your role does not include this.</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>Open tasks</source>
        <translation>Open tasks</translation>
    </message>
    <message>
        <source>Overdue tasks</source>
        <translation>Overdue tasks</translation>
    </message>
    <message>
        <source>Closed tasks</source>
        <translation>Closed tasks</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>C&amp;losed</source>
        <translation>C&amp;losed</translation>
    </message>
    <message>
        <source>Ov&amp;erdue</source>
        <translation>Ov&amp;erdue</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No open tasks: every bad rating has been followed up.</source>
        <translation>No open tasks: every bad rating has been followed up.</translation>
    </message>
    <message>
        <source>No task is overdue.</source>
        <translation>No task is overdue.</translation>
    </message>
    <message>
        <source>No task has been closed yet.</source>
        <translation>No task has been closed yet.</translation>
    </message>
    <message>
        <source>Choose a task in the list.</source>
        <translation>Choose a task in the list.</translation>
    </message>
    <message>
        <source>Receipt no.: %1</source>
        <translation>Receipt no.: %1</translation>
    </message>
    <message>
        <source>Service: %1</source>
        <translation>Service: %1</translation>
    </message>
    <message>
        <source>Applicant: %1</source>
        <translation>Applicant: %1</translation>
    </message>
    <message>
        <source>Rating: %1 (given %2)</source>
        <translation>Rating: %1 (given %2)</translation>
    </message>
    <message>
        <source>Found unsatisfactory: %1</source>
        <translation>Found unsatisfactory: %1</translation>
    </message>
    <message>
        <source>(not said)</source>
        <translation>(not said)</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>Comment: %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation>Due: %1</translation>
    </message>
    <message>
        <source>%1 — overdue</source>
        <translation>%1 — overdue</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>State: %1</translation>
    </message>
    <message>
        <source>What was done: %1</source>
        <translation>What was done: %1</translation>
    </message>
    <message>
        <source>on another counter</source>
        <translation>on another counter</translation>
    </message>
    <message>
        <source>Closed: %1, by %2</source>
        <translation>Closed: %1, by %2</translation>
    </message>
    <message>
        <source>Closing…</source>
        <translation>Closing…</translation>
    </message>
    <message>
        <source>Task closed: %1</source>
        <translation>Task closed: %1</translation>
    </message>
    <message>
        <source>This task is already closed (here, or on another counter).</source>
        <translation>This task is already closed (here, or on another counter).</translation>
    </message>
    <message>
        <source>Write what was done before closing the task.</source>
        <translation>Write what was done before closing the task.</translation>
    </message>
    <message>
        <source>Too long: at most %1 characters.</source>
        <translation>Too long: at most %1 characters.</translation>
    </message>
</context>
<context>
    <name>RegisterForm</name>
    <message>
        <source>Applicant type</source>
        <translation>Applicant type</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Resident ID number</source>
        <translation>Resident ID number</translation>
    </message>
    <message>
        <source>18 characters, or read the ID card</source>
        <translation>18 characters, or read the ID card</translation>
    </message>
    <message>
        <source>Birth date and sex from the ID number</source>
        <translation>Birth date and sex from the ID number</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Name problem</source>
        <translation>Name problem</translation>
    </message>
    <message>
        <source>ID number problem</source>
        <translation>ID number problem</translation>
    </message>
    <message>
        <source>Credit code problem</source>
        <translation>Credit code problem</translation>
    </message>
    <message>
        <source>Representative problem</source>
        <translation>Representative problem</translation>
    </message>
    <message>
        <source>Mobile number problem</source>
        <translation>Mobile number problem</translation>
    </message>
    <message>
        <source>Address problem</source>
        <translation>Address problem</translation>
    </message>
    <message>
        <source>Registration problem</source>
        <translation>Registration problem</translation>
    </message>
    <message>
        <source>Save applicant (Ctrl+Enter)</source>
        <translation>Save applicant (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Save applicant</source>
        <translation>Save applicant</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Cancel registration</source>
        <translation>Cancel registration</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;ID number:</source>
        <translation>&amp;ID number:</translation>
    </message>
    <message>
        <source>Credit &amp;code:</source>
        <translation>Credit &amp;code:</translation>
    </message>
    <message>
        <source>Re&amp;presentative:</source>
        <translation>Re&amp;presentative:</translation>
    </message>
    <message>
        <source>&amp;Mobile:</source>
        <translation>&amp;Mobile:</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>A&amp;ddress:</translation>
    </message>
    <message>
        <source>Register a new applicant</source>
        <translation>Register a new applicant</translation>
    </message>
    <message>
        <source>%1 of 18 characters</source>
        <translation>%1 of 18 characters</translation>
    </message>
    <message>
        <source>Born %1, %2</source>
        <translation>Born %1, %2</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
</context>
<context>
    <name>RejectedModel</name>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>Receipt number</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Rejected at</source>
        <translation>Rejected at</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
</context>
<context>
    <name>RejectedPanel</name>
    <message>
        <source>Operations the platform rejected</source>
        <translation>Operations the platform rejected</translation>
    </message>
    <message>
        <source>S&amp;how acknowledged ones too</source>
        <translation>S&amp;how acknowledged ones too</translation>
    </message>
    <message>
        <source>Show acknowledged ones too</source>
        <translation>Show acknowledged ones too</translation>
    </message>
    <message>
        <source>Rejected operation</source>
        <translation>Rejected operation</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Acknowledge</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>Mark the operation as dealt with; it is kept and never sent again.</source>
        <translation>Mark the operation as dealt with; it is kept and never sent again.</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>The platform refused these changes for good: they are kept here and never sent again. Correct the record if needed, then acknowledge the operation.</source>
        <translation>The platform refused these changes for good: they are kept here and never sent again. Correct the record if needed, then acknowledge the operation.</translation>
    </message>
    <message>
        <source>The platform has rejected no operation of this counter.</source>
        <translation>The platform has rejected no operation of this counter.</translation>
    </message>
    <message>
        <source>Choose an operation in the list.</source>
        <translation>Choose an operation in the list.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>The platform&apos;s words: %1</source>
        <translation>The platform&apos;s words: %1</translation>
    </message>
    <message>
        <source>The change (made at %1) set: %2</source>
        <translation>The change (made at %1) set: %2</translation>
    </message>
    <message>
        <source>Acknowledged by %1 at %2.</source>
        <translation>Acknowledged by %1 at %2.</translation>
    </message>
    <message>
        <source>Acknowledged. The operation is kept in the records.</source>
        <translation>Acknowledged. The operation is kept in the records.</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>Reset a password</source>
        <translation>Reset a password</translation>
    </message>
    <message>
        <source>Give %1 a temporary password and tell it to them in person. At their next login they must choose a new one. The account is unlocked too.</source>
        <translation>Give %1 a temporary password and tell it to them in person. At their next login they must choose a new one. The account is unlocked too.</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>Temporary password</translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>at least %n character</numerusform>
            <numerusform>at least %n characters</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirm temporary password</source>
        <translation>Confirm temporary password</translation>
    </message>
    <message>
        <source>Temporary password message</source>
        <translation>Temporary password message</translation>
    </message>
    <message>
        <source>Confirm password message</source>
        <translation>Confirm password message</translation>
    </message>
    <message>
        <source>&amp;Temporary password:</source>
        <translation>&amp;Temporary password:</translation>
    </message>
    <message>
        <source>&amp;Confirm:</source>
        <translation>&amp;Confirm:</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <source>Notice</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>Decision details</source>
        <translation>Decision details</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>80 mm receipt roll</source>
        <translation>80 mm receipt roll</translation>
    </message>
    <message>
        <source>&amp;Print preview… (Ctrl+P)</source>
        <translation>&amp;Print preview… (Ctrl+P)</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>Save as P&amp;DF… (Ctrl+S)</source>
        <translation>Save as P&amp;DF… (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>New intake (Ctrl+N)</source>
        <translation>New intake (Ctrl+N)</translation>
    </message>
    <message>
        <source>New intake</source>
        <translation>New intake</translation>
    </message>
    <message>
        <source>Where the PDF was saved</source>
        <translation>Where the PDF was saved</translation>
    </message>
    <message>
        <source>Notice problem</source>
        <translation>Notice problem</translation>
    </message>
    <message>
        <source>The notice</source>
        <translation>The notice</translation>
    </message>
    <message>
        <source>Pape&amp;r:</source>
        <translation>Pape&amp;r:</translation>
    </message>
    <message>
        <source>Decision: %1</source>
        <translation>Decision: %1</translation>
    </message>
    <message>
        <source>Receipt number: %1</source>
        <translation>Receipt number: %1</translation>
    </message>
    <message>
        <source>Promised completion date: %1</source>
        <translation>Promised completion date: %1</translation>
    </message>
    <message>
        <source>Pending materials due by: %1</source>
        <translation>Pending materials due by: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n material(s) to hand in.</source>
        <translation>
            <numerusform>%n material to hand in.</numerusform>
            <numerusform>%n materials to hand in.</numerusform>
        </translation>
    </message>
    <message>
        <source>Print the notice for the applicant, or save it as a PDF.</source>
        <translation>Print the notice for the applicant, or save it as a PDF.</translation>
    </message>
    <message>
        <source>Save the notice as PDF</source>
        <translation>Save the notice as PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF could not be written: %1</source>
        <translation>The PDF could not be written: %1</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>Writing the PDF…</translation>
    </message>
</context>
<context>
    <name>RetentionTab</name>
    <message>
        <source>Removes the personal data of cases closed more than the chosen number of days ago and fully synced with the platform: the ID number, phone number and address, the form values and the scanned files. An applicant&apos;s numbers are removed only when none of their cases is still kept. The cases stay in the lists and in the dashboard&apos;s figures, with the applicant&apos;s name, the status, the dates, the ratings and the rectification tasks. The platform keeps its own copy.</source>
        <translation>Removes the personal data of cases closed more than the chosen number of days ago and fully synced with the platform: the ID number, phone number and address, the form values and the scanned files. An applicant&apos;s numbers are removed only when none of their cases is still kept. The cases stay in the lists and in the dashboard&apos;s figures, with the applicant&apos;s name, the status, the dates, the ratings and the rectification tasks. The platform keeps its own copy.</translation>
    </message>
    <message>
        <source>&amp;Days after closing:</source>
        <translation>&amp;Days after closing:</translation>
    </message>
    <message>
        <source>Days after closing</source>
        <translation>Days after closing</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>&amp;Count what would be cleared</source>
        <translation>&amp;Count what would be cleared</translation>
    </message>
    <message>
        <source>What would be cleared</source>
        <translation>What would be cleared</translation>
    </message>
    <message>
        <source>Re&amp;move personal data…</source>
        <translation>Re&amp;move personal data…</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>No case closed before %1 is waiting to be cleared.</source>
        <translation>No case closed before %1 is waiting to be cleared.</translation>
    </message>
    <message>
        <source>%1 cases, %2 applicants, %3 scan files would be cleared (cases closed before %4).</source>
        <translation>%1 cases, %2 applicants, %3 scan files would be cleared (cases closed before %4).</translation>
    </message>
    <message>
        <source>Count again for these days.</source>
        <translation>Count again for these days.</translation>
    </message>
    <message>
        <source>The %1 safety copies of the database kept in the backups folder (taken before an upgrade or a restore) hold the same data and are deleted too.</source>
        <translation>The %1 safety copies of the database kept in the backups folder (taken before an upgrade or a restore) hold the same data and are deleted too.</translation>
    </message>
    <message>
        <source>Remove personal data</source>
        <translation>Remove personal data</translation>
    </message>
    <message>
        <source>Remove the personal data of %1 cases and %2 applicants, and delete %3 scan files? Cases closed before %4 are concerned.</source>
        <translation>Remove the personal data of %1 cases and %2 applicants, and delete %3 scan files? Cases closed before %4 are concerned.</translation>
    </message>
    <message>
        <source>This cannot be undone: the ID numbers, phone numbers, addresses, form values and scans of these cases are erased from this computer. The cases, their status, dates and ratings stay, and so do the dashboard&apos;s figures.</source>
        <translation>This cannot be undone: the ID numbers, phone numbers, addresses, form values and scans of these cases are erased from this computer. The cases, their status, dates and ratings stay, and so do the dashboard&apos;s figures.</translation>
    </message>
    <message>
        <source>The encrypted backups keep the data until they are deleted after the days set for backups (Admin ▸ Settings).</source>
        <translation>The encrypted backups keep the data until they are deleted after the days set for backups (Admin ▸ Settings).</translation>
    </message>
    <message>
        <source>Removing personal data… this may take a while.</source>
        <translation>Removing personal data… this may take a while.</translation>
    </message>
    <message>
        <source>Personal data removed: %1 cases, %2 applicants, %3 scan files deleted.</source>
        <translation>Personal data removed: %1 cases, %2 applicants, %3 scan files deleted.</translation>
    </message>
    <message>
        <source>%1 safety copies of the database deleted.</source>
        <translation>%1 safety copies of the database deleted.</translation>
    </message>
    <message>
        <source>%1 files could not be deleted now; the next removal deletes them.</source>
        <translation>%1 files could not be deleted now; the next removal deletes them.</translation>
    </message>
    <message>
        <source>Another part of the app was using the database, so some of the removed data may remain in its files until the next removal: run it again later.</source>
        <translation>Another part of the app was using the database, so some of the removed data may remain in its files until the next removal: run it again later.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Counter clerk</source>
        <translation>Counter clerk</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Command line</translation>
    </message>
</context>
<context>
    <name>ScanPreviewDialog</name>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 pixels</translation>
    </message>
    <message>
        <source>About the scan</source>
        <translation>About the scan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>PDF scans are not shown on screen here: check the paper original.</source>
        <translation>PDF scans are not shown on screen here: check the paper original.</translation>
    </message>
    <message numerus="yes">
        <source>PDF, %n page(s)</source>
        <translation>
            <numerusform>PDF, %n page</numerusform>
            <numerusform>PDF, %n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>PDF, pages not counted</source>
        <translation>PDF, pages not counted</translation>
    </message>
    <message>
        <source>Scan: %1</source>
        <translation>Scan: %1</translation>
    </message>
    <message>
        <source>The scan</source>
        <translation>The scan</translation>
    </message>
    <message>
        <source>This file is not a picture that can be shown.</source>
        <translation>This file is not a picture that can be shown.</translation>
    </message>
</context>
<context>
    <name>ScansDialog</name>
    <message>
        <source>&amp;Remove… (Del)</source>
        <translation>&amp;Remove… (Del)</translation>
    </message>
    <message>
        <source>&amp;View (Enter)</source>
        <translation>&amp;View (Enter)</translation>
    </message>
    <message>
        <source>A scan attached by mistake can be removed until the decision, as long as it has not been sent to the platform yet.</source>
        <translation>A scan attached by mistake can be removed until the decision, as long as it has not been sent to the platform yet.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>No scan is attached to this material.</source>
        <translation>No scan is attached to this material.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Remove %1? It is deleted from this computer.</source>
        <translation>Remove %1? It is deleted from this computer.</translation>
    </message>
    <message>
        <source>Remove scan</source>
        <translation>Remove scan</translation>
    </message>
    <message>
        <source>Remove the scan</source>
        <translation>Remove the scan</translation>
    </message>
    <message>
        <source>Scan problem</source>
        <translation>Scan problem</translation>
    </message>
    <message>
        <source>Scan status</source>
        <translation>Scan status</translation>
    </message>
    <message>
        <source>Scans attached</source>
        <translation>Scans attached</translation>
    </message>
    <message>
        <source>Scans of %1</source>
        <translation>Scans of %1</translation>
    </message>
    <message>
        <source>View the scan</source>
        <translation>View the scan</translation>
    </message>
</context>
<context>
    <name>ServicePicker</name>
    <message>
        <source>Search services</source>
        <translation>Search services</translation>
    </message>
    <message>
        <source>Name in Chinese, pinyin initials (zdsh) or code</source>
        <translation>Name in Chinese, pinyin initials (zdsh) or code</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Service details</source>
        <translation>Service details</translation>
    </message>
    <message>
        <source>Service message</source>
        <translation>Service message</translation>
    </message>
    <message>
        <source>&amp;Find the service:</source>
        <translation>&amp;Find the service:</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Choose a service from the list.</source>
        <translation>Choose a service from the list.</translation>
    </message>
    <message>
        <source>No service matches. Try fewer characters or the pinyin initials.</source>
        <translation>No service matches. Try fewer characters or the pinyin initials.</translation>
    </message>
    <message>
        <source>fee %1 yuan</source>
        <translation>fee %1 yuan</translation>
    </message>
    <message>
        <source>free of charge</source>
        <translation>free of charge</translation>
    </message>
    <message>
        <source>%1 · %2 · promised: %3 (legal limit: %4) · %5 · mandatory materials: %6 · form fields: %7</source>
        <translation>%1 · %2 · promised: %3 (legal limit: %4) · %5 · mandatory materials: %6 · form fields: %7</translation>
    </message>
    <message>
        <source>The services could not be read; press Enter to try again. %1</source>
        <translation>The services could not be read; press Enter to try again. %1</translation>
    </message>
</context>
<context>
    <name>ServicesModel</name>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Promised time</source>
        <translation>Promised time</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <source>Office name on notices</source>
        <translation>Office name on notices</translation>
    </message>
    <message>
        <source>The name given when this counter was enrolled</source>
        <translation>The name given when this counter was enrolled</translation>
    </message>
    <message>
        <source>Contact line on notices</source>
        <translation>Contact line on notices</translation>
    </message>
    <message>
        <source>Address and telephone, e.g. 人民路1号 电话 0791-86000000</source>
        <translation>Address and telephone, e.g. 人民路1号 电话 0791-86000000</translation>
    </message>
    <message>
        <source>Lock the screen after minutes without use</source>
        <translation>Lock the screen after minutes without use</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation>Choose the backup folder</translation>
    </message>
    <message>
        <source>Keep daily backups for days</source>
        <translation>Keep daily backups for days</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Keep personal data of finished cases for days</source>
        <translation>Keep personal data of finished cases for days</translation>
    </message>
    <message>
        <source>Printer for notices</source>
        <translation>Printer for notices</translation>
    </message>
    <message>
        <source>Paper for notices</source>
        <translation>Paper for notices</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>80 mm receipt roll</source>
        <translation>80 mm receipt roll</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Save the settings</source>
        <translation>Save the settings</translation>
    </message>
    <message>
        <source>Settings status</source>
        <translation>Settings status</translation>
    </message>
    <message>
        <source>Settings problem</source>
        <translation>Settings problem</translation>
    </message>
    <message>
        <source>&amp;Office name on notices:</source>
        <translation>&amp;Office name on notices:</translation>
    </message>
    <message>
        <source>Con&amp;tact line on notices:</source>
        <translation>Con&amp;tact line on notices:</translation>
    </message>
    <message>
        <source>&amp;Lock the screen after:</source>
        <translation>&amp;Lock the screen after:</translation>
    </message>
    <message>
        <source>&amp;Backup folder:</source>
        <translation>&amp;Backup folder:</translation>
    </message>
    <message>
        <source>&amp;Keep daily backups for:</source>
        <translation>&amp;Keep daily backups for:</translation>
    </message>
    <message>
        <source>Keep personal &amp;data for:</source>
        <translation>Keep personal &amp;data for:</translation>
    </message>
    <message>
        <source>&amp;Printer:</source>
        <translation>&amp;Printer:</translation>
    </message>
    <message>
        <source>Pape&amp;r:</source>
        <translation>Pape&amp;r:</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>Problem: %1</translation>
    </message>
    <message>
        <source>The office&apos;s settings apply to every counter of this office profile. The retention period says how long the personal data of finished cases is kept before it may be removed.</source>
        <translation>The office&apos;s settings apply to every counter of this office profile. The retention period says how long the personal data of finished cases is kept before it may be removed.</translation>
    </message>
    <message>
        <source>System default printer</source>
        <translation>System default printer</translation>
    </message>
    <message>
        <source>%1 (not installed on this computer)</source>
        <translation>%1 (not installed on this computer)</translation>
    </message>
    <message>
        <source>The settings were saved.</source>
        <translation>The settings were saved.</translation>
    </message>
    <message>
        <source>The settings were not saved: %1</source>
        <translation>The settings were not saved: %1</translation>
    </message>
    <message>
        <source>Enter a number from %1 to %2.</source>
        <translation>Enter a number from %1 to %2.</translation>
    </message>
    <message>
        <source>Enter the folder&apos;s full path (for example D:\Backups or /media/usb/backups).</source>
        <translation>Enter the folder&apos;s full path (for example D:\Backups or /media/usb/backups).</translation>
    </message>
    <message>
        <source>This text is too long.</source>
        <translation>This text is too long.</translation>
    </message>
    <message>
        <source>Write this on one line.</source>
        <translation>Write this on one line.</translation>
    </message>
    <message>
        <source>The settings could not be read: %1</source>
        <translation>The settings could not be read: %1</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>This is the only active administrator: make another account an administrator first.</source>
        <translation>This is the only active administrator: make another account an administrator first.</translation>
    </message>
    <message>
        <source>The only active administrator cannot be locked: the office would have none.</source>
        <translation>The only active administrator cannot be locked: the office would have none.</translation>
    </message>
    <message>
        <source>Change your own password with your current one, not by a reset.</source>
        <translation>Change your own password with your current one, not by a reset.</translation>
    </message>
    <message>
        <source>The display name is too long.</source>
        <translation>The display name is too long.</translation>
    </message>
    <message>
        <source>Enter the name colleagues know this person by.</source>
        <translation>Enter the name colleagues know this person by.</translation>
    </message>
</context>
<context>
    <name>StaffModel</name>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Last login</translation>
    </message>
    <message>
        <source>Failed attempts</source>
        <translation>Failed attempts</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Active (must change password)</source>
        <translation>Active (must change password)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Last failed attempt: %1</source>
        <translation>Last failed attempt: %1</translation>
    </message>
</context>
<context>
    <name>StaffTab</name>
    <message>
        <source>Staff accounts</source>
        <translation>Staff accounts</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <source>Add a staff account</source>
        <translation>Add a staff account</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>Edit the selected account</source>
        <translation>Edit the selected account</translation>
    </message>
    <message>
        <source>Reset pass&amp;word…</source>
        <translation>Reset pass&amp;word…</translation>
    </message>
    <message>
        <source>Reset the selected account&apos;s password</source>
        <translation>Reset the selected account&apos;s password</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <source>Lock or unlock the selected account</source>
        <translation>Lock or unlock the selected account</translation>
    </message>
    <message>
        <source>Staff message</source>
        <translation>Staff message</translation>
    </message>
    <message>
        <source>The office&apos;s staff accounts. A forgotten password is reset to a temporary one, which its owner must change at the next login. An account locks itself after repeated wrong passwords; unlock it here.</source>
        <translation>The office&apos;s staff accounts. A forgotten password is reset to a temporary one, which its owner must change at the next login. An account locks itself after repeated wrong passwords; unlock it here.</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>Account %1 added.</source>
        <translation>Account %1 added.</translation>
    </message>
    <message>
        <source>Account %1 saved.</source>
        <translation>Account %1 saved.</translation>
    </message>
    <message>
        <source>The password of %1 was reset. They choose a new one at their next login.</source>
        <translation>The password of %1 was reset. They choose a new one at their next login.</translation>
    </message>
    <message>
        <source>Account %1 locked.</source>
        <translation>Account %1 locked.</translation>
    </message>
    <message>
        <source>Account %1 unlocked.</source>
        <translation>Account %1 unlocked.</translation>
    </message>
</context>
<context>
    <name>StepBar</name>
    <message>
        <source>Step %1: %2</source>
        <translation>Step %1: %2</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Add a staff account</source>
        <translation>Add a staff account</translation>
    </message>
    <message>
        <source>Edit a staff account</source>
        <translation>Edit a staff account</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>the name shown to colleagues, e.g. 王芳</source>
        <translation>the name shown to colleagues, e.g. 王芳</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>at least %n character</numerusform>
            <numerusform>at least %n characters</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <source>User name message</source>
        <translation>User name message</translation>
    </message>
    <message>
        <source>Display name message</source>
        <translation>Display name message</translation>
    </message>
    <message>
        <source>Role message</source>
        <translation>Role message</translation>
    </message>
    <message>
        <source>Password message</source>
        <translation>Password message</translation>
    </message>
    <message>
        <source>Confirm password message</source>
        <translation>Confirm password message</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Display name:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation>&amp;Confirm password:</translation>
    </message>
</context>
<context>
    <name>_StaffDialog</name>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>The two passwords do not match.</translation>
    </message>
</context>
</TS>
