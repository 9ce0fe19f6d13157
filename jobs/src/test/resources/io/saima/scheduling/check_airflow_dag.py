"""Checks Saima's Airflow DAG without Airflow, which the build machines do not have.

Reads the DAG file's syntax tree, finds its one SparkSubmitOperator and checks that it passes only
keyword arguments the operator (or every Airflow operator) accepts, with the values Saima needs.
On success it prints, one argument a line, the spark-submit command line the provider's
SparkSubmitHook builds from those arguments for a connection with the given master, with the
given date for {{ ds }}; on failure, what is wrong, and exits 1.

    python3 check_airflow_dag.py DAG_FILE MASTER DS [JVM_OPTION...]

JVM_OPTION: each option the driver and the executors must get (the --add-opens set of pom.xml).
"""

import ast
import sys

# SparkSubmitOperator's own keyword arguments, as apache-airflow-providers-apache-spark declares
# them (operators/spark_submit.py, unchanged through the 4.x and 5.x releases).
OPERATOR_ARGUMENTS = {
    "application",
    "conf",
    "conn_id",
    "files",
    "py_files",
    "archives",
    "driver_class_path",
    "jars",
    "java_class",
    "packages",
    "exclude_packages",
    "repositories",
    "total_executor_cores",
    "executor_cores",
    "executor_memory",
    "driver_memory",
    "keytab",
    "principal",
    "proxy_user",
    "name",
    "num_executors",
    "status_poll_interval",
    "application_args",
    "env_vars",
    "verbose",
    "spark_binary",
    "properties_file",
    "yarn_queue",
    "deploy_mode",
    "use_krb5ccache",
}

# BaseOperator's, which every operator takes.
BASE_OPERATOR_ARGUMENTS = {
    "task_id",
    "owner",
    "email",
    "email_on_failure",
    "email_on_retry",
    "retries",
    "retry_delay",
    "retry_exponential_backoff",
    "max_retry_delay",
    "execution_timeout",
    "trigger_rule",
    "pool",
    "queue",
    "priority_weight",
    "doc_md",
    "dag",
}

# SparkSubmitHook._build_spark_common_args: the options after --master and the --conf pairs, in
# the order the hook writes them.
OPTIONS_IN_HOOK_ORDER = [
    ("properties_file", "--properties-file"),
    ("files", "--files"),
    ("py_files", "--py-files"),
    ("archives", "--archives"),
    ("driver_class_path", "--driver-class-path"),
    ("jars", "--jars"),
    ("packages", "--packages"),
    ("exclude_packages", "--exclude-packages"),
    ("repositories", "--repositories"),
    ("num_executors", "--num-executors"),
    ("total_executor_cores", "--total-executor-cores"),
    ("executor_cores", "--executor-cores"),
    ("executor_memory", "--executor-memory"),
    ("driver_memory", "--driver-memory"),
    ("keytab", "--keytab"),
    ("principal", "--principal"),
    ("proxy_user", "--proxy-user"),
    ("name", "--name"),
    ("java_class", "--class"),
    ("verbose", "--verbose"),
    ("yarn_queue", "--queue"),
    ("deploy_mode", "--deploy-mode"),
]


class Unevaluated(Exception):
    pass


def evaluate(node, constants):
    """The value of an expression made of literals, module constants and f-strings over them."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, (ast.List, ast.Tuple)):
        return [evaluate(element, constants) for element in node.elts]
    if isinstance(node, ast.Dict):
        return {
            evaluate(key, constants): evaluate(value, constants)
            for key, value in zip(node.keys, node.values)
        }
    if isinstance(node, ast.Name) and node.id in constants:
        return evaluate(constants[node.id], constants)
    if isinstance(node, ast.JoinedStr):
        parts = []
        for part in node.values:
            if isinstance(part, ast.FormattedValue):
                if part.conversion != -1 or part.format_spec is not None:
                    raise Unevaluated(ast.unparse(part))
                parts.append(str(evaluate(part.value, constants)))
            else:
                parts.append(evaluate(part, constants))
        return "".join(parts)
    raise Unevaluated(ast.unparse(node))


def called_name(call):
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def spark_submit_command(arguments, master, ds):
    def render(value):
        return str(value).replace("{{ ds }}", ds)

    command = ["spark-submit", "--master", master]
    for key, value in (arguments.get("conf") or {}).items():
        command += ["--conf", f"{key}={render(value)}"]
    env_vars = arguments.get("env_vars") or {}
    if env_vars and ("yarn" in master or "k8s" in master):
        template = "spark.yarn.appMasterEnv.{}={}" if "yarn" in master else "spark.kubernetes.driverEnv.{}={}"
        for key, value in env_vars.items():
            command += ["--conf", template.format(key, render(value))]
    for argument, option in OPTIONS_IN_HOOK_ORDER:
        value = arguments.get(argument)
        if argument == "verbose":
            command += [option] if value else []
        elif value:
            command += [option, render(value)]
    command.append(render(arguments["application"]))
    command += [render(value) for value in arguments.get("application_args") or []]
    return command


def check(dag_file, master, ds, jvm_options):
    with open(dag_file, encoding="utf-8") as source:
        tree = ast.parse(source.read(), dag_file)
    problems = []

    imported = any(
        isinstance(node, ast.ImportFrom)
        and node.module == "airflow.providers.apache.spark.operators.spark_submit"
        and any(alias.name == "SparkSubmitOperator" for alias in node.names)
        for node in tree.body
    )
    if not imported:
        problems.append(
            "SparkSubmitOperator is not imported from airflow.providers.apache.spark.operators.spark_submit"
        )

    constants = {}
    for node in tree.body:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    constants[target.id] = node.value

    calls = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and called_name(node) == "SparkSubmitOperator"
    ]
    if len(calls) != 1:
        return problems + [f"expected one SparkSubmitOperator(...), found {len(calls)}"], None
    call = calls[0]
    if call.args:
        problems.append("SparkSubmitOperator takes keyword arguments only")
    names = [keyword.arg for keyword in call.keywords]
    if None in names:
        problems.append("SparkSubmitOperator(**...) hides its argument names from this check")
    unknown = sorted(
        name
        for name in names
        if name is not None and name not in OPERATOR_ARGUMENTS | BASE_OPERATOR_ARGUMENTS
    )
    if unknown:
        problems.append(f"SparkSubmitOperator has no argument {', '.join(unknown)}")

    arguments = {}
    for keyword in call.keywords:
        if keyword.arg is None:
            continue
        try:
            arguments[keyword.arg] = evaluate(keyword.value, constants)
        except Unevaluated:
            pass  # timedelta(...) and the like: not part of the command line

    def expect(name, wanted):
        if arguments.get(name) != wanted:
            problems.append(f"{name} is {arguments.get(name)!r}, expected {wanted!r}")

    expect("java_class", "io.saima.cli.Main")
    expect("deploy_mode", "client")
    if "task_id" not in arguments:
        problems.append("task_id is missing")
    application = arguments.get("application")
    if not isinstance(application, str) or not application.endswith("/jobs/target/saima-jobs-app.jar"):
        problems.append(f"application is {application!r}, expected the application jar, .../jobs/target/saima-jobs-app.jar")
    application_args = arguments.get("application_args")
    if not isinstance(application_args, list) or application_args[:3] != ["nightly", "--as-of", "{{ ds }}"]:
        problems.append(f"application_args is {application_args!r}, expected it to start with nightly --as-of {{{{ ds }}}}")
    conf = arguments.get("conf")
    if not isinstance(conf, dict):
        problems.append(f"conf is {conf!r}, expected a dict of Spark properties")
    else:
        for key in ("spark.driver.extraJavaOptions", "spark.executor.extraJavaOptions"):
            given = str(conf.get(key, "")).split()
            missing = [option for option in jvm_options if option not in given]
            if missing:
                problems.append(f"conf {key} lacks {' '.join(missing)}")

    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and called_name(node) == "DAG":
            dag_arguments = {keyword.arg: keyword.value for keyword in node.keywords}
            if "schedule_interval" in dag_arguments:
                problems.append("DAG(schedule_interval=...) is gone in Airflow 3; use schedule=")
            try:
                max_active_runs = evaluate(dag_arguments.get("max_active_runs", ast.Constant(None)), constants)
            except Unevaluated:
                max_active_runs = None
            if max_active_runs != 1:
                problems.append("DAG(max_active_runs=1) is needed: the warehouse takes one night at a time")

    if problems:
        return problems, None
    return [], spark_submit_command(arguments, master, ds)


def main(argv):
    if len(argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    problems, command = check(argv[1], argv[2], argv[3], argv[4:])
    if problems:
        for problem in problems:
            print(f"{argv[1]}: {problem}", file=sys.stderr)
        return 1
    print("\n".join(command))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
