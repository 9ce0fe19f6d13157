"""Saima's night as an Airflow DAG: one spark-submit a day of the application jar.

Needs the apache-airflow-providers-apache-spark provider, spark-submit on the worker's PATH and a
Spark connection (``spark_default`` here) whose host is the cluster's master (``yarn``,
``spark://host:7077``, ``k8s://…``). The task runs ``saima nightly --as-of {{ ds }}``: the night of
the run's logical date, taking only the deliveries dated on or before it, so a backfill into a
new warehouse replays the nights as they ran. The driver runs on the worker
(``deploy_mode='client'``), so spark-submit exits with saima's own code and any code but 0 fails
the task: 1 failure, 2 bad usage or configuration, 3 a partial night (some deliveries or checks
failed) — a partial night is worth the same alert.
"""

from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

# Where the release is unpacked on the Airflow workers. The site configuration
# (/etc/saima/site.yaml, as for cron and systemd) names the landing folder, the warehouse and the
# reports on the cluster's storage.
SAIMA_HOME = "/srv/saima"

# What Spark 3.5 needs on Java 17, for the driver (this worker's spark-submit JVM) and the
# executors: the same set as jobs/bin/saima and the tests' argLine in pom.xml, and UTF-8.
SPARK_ON_JAVA_17 = (
    "-XX:+IgnoreUnrecognizedVMOptions"
    " --add-opens=java.base/java.lang=ALL-UNNAMED"
    " --add-opens=java.base/java.lang.invoke=ALL-UNNAMED"
    " --add-opens=java.base/java.lang.reflect=ALL-UNNAMED"
    " --add-opens=java.base/java.io=ALL-UNNAMED"
    " --add-opens=java.base/java.net=ALL-UNNAMED"
    " --add-opens=java.base/java.nio=ALL-UNNAMED"
    " --add-opens=java.base/java.util=ALL-UNNAMED"
    " --add-opens=java.base/java.util.concurrent=ALL-UNNAMED"
    " --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED"
    " --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED"
    " --add-opens=java.base/sun.nio.ch=ALL-UNNAMED"
    " --add-opens=java.base/sun.nio.cs=ALL-UNNAMED"
    " --add-opens=java.base/sun.security.action=ALL-UNNAMED"
    " --add-opens=java.base/sun.util.calendar=ALL-UNNAMED"
    " -Dfile.encoding=UTF-8"
)

with DAG(
    dag_id="saima_nightly",
    description="Saima: ingest, build, score, simulate, bulletin",
    # 02:30 UTC; give start_date a time zone (pendulum) to schedule in the bureau's own time.
    schedule="30 2 * * *",
    start_date=datetime(2026, 1, 1),
    # One night at a time, in date order: the warehouse takes one writer, and a night builds on
    # the one before. Past nights are replayed on purpose, with `airflow dags backfill`.
    catchup=False,
    max_active_runs=1,
    # A retry is safe, the night being idempotent; it helps a cluster's passing trouble, while a
    # refused delivery (exit 3) or a bad configuration (exit 2) fails again the same way.
    default_args={"retries": 1, "retry_delay": timedelta(minutes=30)},
    tags=["saima"],
) as dag:
    nightly = SparkSubmitOperator(
        task_id="nightly",
        conn_id="spark_default",
        name="saima-nightly",
        application=f"{SAIMA_HOME}/jobs/target/saima-jobs-app.jar",
        # JFreeChart (LGPL) draws the bulletin's charts; it ships beside the application jar.
        jars=f"{SAIMA_HOME}/jobs/target/lib/jfreechart-1.5.6.jar",
        java_class="io.saima.cli.Main",
        deploy_mode="client",
        # The JVM names files in the locale's charset: landing files and the Word bulletin have
        # Chinese names, which a worker in the C locale cannot open or write.
        env_vars={"LC_ALL": "C.UTF-8"},
        conf={
            "spark.driver.extraJavaOptions": SPARK_ON_JAVA_17,
            "spark.executor.extraJavaOptions": SPARK_ON_JAVA_17,
        },
        application_args=[
            "nightly",
            "--as-of",
            "{{ ds }}",
            "--conf",
            "/etc/saima/site.yaml",
        ],
        execution_timeout=timedelta(hours=6),
    )
