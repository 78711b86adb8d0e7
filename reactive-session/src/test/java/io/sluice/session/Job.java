package io.sluice.session;

import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.MappedColumn;

/** A row of a job queue: workers claim new jobs with row locks and mark them done. */
@Entity(table = "lock_job")
public class Job {
    @Id
    @Generated
    private Integer id;

    @MappedColumn(length = 10, nullable = false)
    private String status = "new";

    private Integer worker;

    private int attempts;

    protected Job() {}

    public Job(int ignored) {}

    public Integer getId() {
        return id;
    }

    public String getStatus() {
        return status;
    }

    public void done(int by) {
        status = "done";
        worker = by;
        attempts++;
    }

    public Integer getWorker() {
        return worker;
    }
}
