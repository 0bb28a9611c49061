#!/usr/bin/env bash
# A SolrCloud cluster of real processes for Gongkai: one ZooKeeper server and N Solr nodes, each in a
# JVM of its own with its own solr home; every node loads Gongkai's plugin jar from its home's lib
# folder. Maven Central has no Solr server distribution, so a node is Solr's JettySolrRunner (a Jetty
# with Solr's dispatch filter and a CoreContainer, as Solr's own tests run one): solr/node.
# See docs/solrcloud-deployment.md.
#
#   solr/cluster.sh start [--dir D] [--zk-port 9983] [--ports 8983,8984] [--heap 1g]
#   solr/cluster.sh create NAME [--shards 2] [--replicas 2]   upload the configset, create a collection
#   solr/cluster.sh alias ALIAS COLLECTION                     point ALIAS at COLLECTION (create or move)
#   solr/cluster.sh delete NAME                                delete a collection
#   solr/cluster.sh status                                     ZooKeeper, nodes, collections, replicas
#   solr/cluster.sh wait [SECONDS]                             until every shard is led and caught up (120)
#   solr/cluster.sh heal [SECONDS]                             restart nodes not healthy within SECONDS (60)
#   solr/cluster.sh stop                                       stop every node, then ZooKeeper
#   solr/cluster.sh stop-node N [--kill] | start-node N        one node (N from 1); --kill is kill -9
#   solr/cluster.sh stop-zk [--kill] | start-zk                ZooKeeper alone
#
# Every command but start takes --dir too (default solr/target/cluster); start records the ports there.
# Environment: GONGKAI_JAR (default target/gongkai.jar), GONGKAI_SOLR_PLUGIN (default
# solr/target/gongkai-solr-plugin.jar), JAVA (default java on PATH), MVN (default mvn).
# Exit codes: 0 done; 1 failed (the reason on stderr); 2 usage.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
java=${JAVA:-java}
mvn=${MVN:-mvn}
jar=${GONGKAI_JAR:-$repo/target/gongkai.jar}
plugin=${GONGKAI_SOLR_PLUGIN:-$here/target/gongkai-solr-plugin.jar}
node_jar=$here/node/target/gongkai-solr-node.jar

die() { echo "cluster: $*" >&2; exit 1; }
usage() { sed -n '8,23p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

[ $# -ge 1 ] || usage
cmd=$1; shift
dir=$here/target/cluster
zk_port=9983
ports=8983,8984
heap=1g
shards=2
replicas=2
kill9=
args=()
while [ $# -gt 0 ]; do
  case $1 in
    --dir) dir=$2; shift 2 ;;
    --zk-port) zk_port=$2; shift 2 ;;
    --ports) ports=$2; shift 2 ;;
    --heap) heap=$2; shift 2 ;;
    --shards) shards=$2; shift 2 ;;
    --replicas) replicas=$2; shift 2 ;;
    --kill) kill9=1; shift ;;
    -h|--help) usage ;;
    -*) echo "cluster: unknown option $1" >&2; usage ;;
    *) args+=("$1"); shift ;;
  esac
done
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

# what start recorded: the ports (so that every later command finds the same cluster)
if [ "$cmd" != start ] && [ -f "$dir/cluster.env" ]; then
  # shellcheck disable=SC1091
  . "$dir/cluster.env"
fi
IFS=, read -r -a node_ports <<< "$ports"
zk_host=127.0.0.1:$zk_port

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

zk_ok() { # ZooKeeper answers "imok" to ruok
  local r
  r=$(exec 3<>"/dev/tcp/127.0.0.1/$zk_port" && printf ruok >&3 && timeout 3 cat <&3) || return 1
  [ "$r" = imok ]
} 2>/dev/null

http() { # GET or POST a Solr URL; prints the body; fails on a status other than 200
  local out status
  out=$(mktemp)
  status=$(curl -s -o "$out" -w '%{http_code}' --max-time 180 "$@") || { rm -f "$out"; return 1; }
  cat "$out"; rm -f "$out"
  [ "$status" = 200 ]
}

any_node() { # the first node that answers
  local p
  for p in "${node_ports[@]}"; do
    if curl -s -o /dev/null --max-time 5 "http://127.0.0.1:$p/solr/admin/info/system?wt=json"; then
      echo "$p"; return 0
    fi
  done
  return 1
}

live_nodes() { # how many nodes ZooKeeper lists as live
  local p
  p=$(any_node) || { echo 0; return; }
  http "http://127.0.0.1:$p/solr/admin/collections?action=CLUSTERSTATUS&wt=json" 2>/dev/null \
    | tr -d '\n' | sed -n 's/.*"live_nodes":\[\([^]]*\)\].*/\1/p' | tr ',' '\n' | grep -c . || true
}

build() {
  if [ ! -f "$node_jar" ] || [ -n "$(find "$here/node/src" "$here/node/pom.xml" -newer "$node_jar" 2>/dev/null | head -1)" ]; then
    echo "building the node launcher (solr/node)…"
    "$mvn" -B -q -f "$here/node/pom.xml" package -DskipTests >&2 || die "could not build solr/node"
  fi
  [ -f "$plugin" ] || die "no plugin jar at $plugin: build it with mvn -B -q install -DskipTests && mvn -B -q -f solr/pom.xml package -DskipTests"
  command -v curl > /dev/null || die "curl is needed (apt-get install curl)"
}

start_zk() {
  if zk_ok; then return 0; fi
  mkdir -p "$dir/zk/data"
  cat > "$dir/zk/zoo.cfg" <<EOF
tickTime=2000
initLimit=10
syncLimit=5
dataDir=$dir/zk/data
clientPort=$zk_port
clientPortAddress=127.0.0.1
maxClientCnxns=200
admin.enableServer=false
4lw.commands.whitelist=ruok,srvr,mntr
EOF
  nohup "$java" -Xmx256m -Dsolr.log.dir="$dir/zk" -Dlog4j2.configurationFile="$here/cluster/log4j2.xml" \
    -cp "$here/node/target/lib/*" org.apache.zookeeper.server.ZooKeeperServerMain "$dir/zk/zoo.cfg" \
    > "$dir/zk/out.log" 2>&1 &
  echo $! > "$dir/zk/pid"
  for _ in $(seq 1 300); do zk_ok && { echo "zookeeper: $zk_host (pid $(cat "$dir/zk/pid"))"; return 0; }; sleep 0.2
    alive "$dir/zk/pid" || die "ZooKeeper did not start: $(tail -3 "$dir/zk/out.log")"; done
  die "ZooKeeper did not answer on $zk_host within 60 s"
}

start_node() { # N (from 1)
  local n=$1 port=${node_ports[$(($1 - 1))]:-} home=$dir/node$1
  [ -n "$port" ] || die "no node $n (the cluster has ${#node_ports[@]})"
  if alive "$home/pid"; then echo "node$n: already running (pid $(cat "$home/pid"))"; return 0; fi
  mkdir -p "$home/lib" "$home/logs"
  cp "$here/cluster/solr.xml" "$home/solr.xml"
  cp "$plugin" "$home/lib/gongkai-solr-plugin.jar" # the plugin, as an operator installs it
  nohup "$java" -Xmx"$heap" -Dsolr.log.dir="$home/logs" -Dlog4j2.configurationFile="$here/cluster/log4j2.xml" \
    -Dsolr.install.dir="$home" \
    -cp "$node_jar:$here/node/target/lib/*" org.gongkai.solr.node.SolrNode \
    --home "$home" --port "$port" --zk "$zk_host" > "$home/logs/out.log" 2>&1 &
  echo $! > "$home/pid"
  for _ in $(seq 1 600); do
    if grep -q "running at" "$home/logs/out.log" 2>/dev/null; then
      echo "node$n: http://127.0.0.1:$port/solr (pid $(cat "$home/pid"))"; return 0
    fi
    alive "$home/pid" || die "node$n did not start: $(tail -5 "$home/logs/out.log")"
    sleep 0.2
  done
  die "node$n did not start within 120 s (see $home/logs)"
}

stop_pid() { # PIDFILE NAME
  local f=$1 name=$2
  if ! alive "$f"; then rm -f "$f"; return 0; fi
  local pid; pid=$(cat "$f")
  if [ -n "$kill9" ]; then kill -9 "$pid"; else kill "$pid"; fi
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || { rm -f "$f"; echo "$name: stopped"; return 0; }; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true; rm -f "$f"; echo "$name: killed after 30 s"
}

status_java() { # ARGS…: collections, shards, replicas (state, leader, documents), aliases
  "$java" -Xmx256m -Dlog4j2.configurationFile="$here/cluster/log4j2.xml" -Dsolr.log.dir="$dir" \
    -cp "$node_jar:$here/node/target/lib/*" org.gongkai.solr.node.ClusterStatus --zk "$zk_host" "$@"
}

healthy() { # N: the node answers its health check (connected to ZooKeeper, in live_nodes, cores active)
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:${node_ports[$(($1 - 1))]}/solr/admin/info/health?requireHealthyCores=true")" = 200 ]
}

health_says() { # N: why not, in one line
  local m
  m=$(curl -s --max-time 5 "http://127.0.0.1:${node_ports[$(($1 - 1))]}/solr/admin/info/health?requireHealthyCores=true" \
    | tr -d '\n' | sed -n 's/.*"msg":"\([^"]*\)".*/\1/p' | head -c 200) || true
  alive "$dir/node$1/pid" || m="not running"
  printf '%s' "${m:-no answer}"
}

wait_live() { # COUNT
  for _ in $(seq 1 300); do [ "$(live_nodes)" -ge "$1" ] && return 0; sleep 0.2; done
  die "only $(live_nodes) of $1 nodes live after 60 s"
}

case $cmd in
  start)
    build
    printf 'zk_port=%s\nports=%s\n' "$zk_port" "$ports" > "$dir/cluster.env"
    start_zk
    for i in "${!node_ports[@]}"; do start_node $((i + 1)); done
    wait_live "${#node_ports[@]}"
    echo "cluster: $zk_host, ${#node_ports[@]} nodes live; index with --solr $zk_host/COLLECTION"
    ;;
  create)
    [ ${#args[@]} -eq 1 ] || usage
    name=${args[0]}
    p=$(any_node) || die "no node answers"
    [ -f "$jar" ] || die "no Gongkai jar at $jar (mvn -B -q package -DskipTests)"
    rm -rf "$dir/configset" "$dir/configset.zip"
    "$java" -jar "$jar" solr-configset "$dir/configset" > /dev/null || die "could not write the configset"
    (cd "$dir/configset" && jar cfM "$dir/configset.zip" .)
    # the configset through Solr's Configsets API, the collection through its Collections API
    http -X POST -H 'Content-Type: application/octet-stream' --data-binary @"$dir/configset.zip" \
      "http://127.0.0.1:$p/solr/admin/configs?action=UPLOAD&name=$name&overwrite=true&wt=json" > "$dir/last.json" \
      || die "configset upload failed: $(cat "$dir/last.json")"
    http "http://127.0.0.1:$p/solr/admin/collections?action=CREATE&name=$name&numShards=$shards&replicationFactor=$replicas&collection.configName=$name&waitForFinalState=true&wt=json" \
      > "$dir/last.json" || die "could not create $name: $(tr -d '\n' < "$dir/last.json" | head -c 600)"
    echo "collection $name: $shards shards × $replicas replicas; --solr $zk_host/$name"
    ;;
  alias)
    [ ${#args[@]} -eq 2 ] || usage
    p=$(any_node) || die "no node answers"
    http "http://127.0.0.1:$p/solr/admin/collections?action=CREATEALIAS&name=${args[0]}&collections=${args[1]}&wt=json" \
      > "$dir/last.json" || die "could not point ${args[0]} at ${args[1]}: $(tr -d '\n' < "$dir/last.json" | head -c 600)"
    echo "alias ${args[0]} → ${args[1]}"
    ;;
  delete)
    [ ${#args[@]} -eq 1 ] || usage
    p=$(any_node) || die "no node answers"
    http "http://127.0.0.1:$p/solr/admin/collections?action=DELETE&name=${args[0]}&wt=json" > "$dir/last.json" \
      || die "could not delete ${args[0]}: $(tr -d '\n' < "$dir/last.json" | head -c 600)"
    echo "collection ${args[0]} deleted"
    ;;
  status)
    ok=0
    if zk_ok; then echo "zookeeper: $zk_host up"; else echo "zookeeper: $zk_host DOWN"; ok=1; fi
    for i in "${!node_ports[@]}"; do
      n=$((i + 1)); port=${node_ports[$i]}
      if alive "$dir/node$n/pid" && curl -s -o /dev/null --max-time 5 "http://127.0.0.1:$port/solr/admin/info/system"; then
        echo "node$n: http://127.0.0.1:$port/solr up (pid $(cat "$dir/node$n/pid"))"
      else echo "node$n: port $port DOWN"; ok=1; fi
    done
    if zk_ok; then
      status_java || ok=1
    fi
    exit $ok
    ;;
  stop)
    for i in "${!node_ports[@]}"; do stop_pid "$dir/node$((i + 1))/pid" "node$((i + 1))"; done
    stop_pid "$dir/zk/pid" zookeeper
    ;;
  wait)
    # until every node is healthy (connected to ZooKeeper, in live_nodes, its cores active), every
    # shard has a live leader and every replica on a live node holds what its leader holds
    build; zk_ok || die "ZooKeeper does not answer on $zk_host"
    secs=${args[0]:-120}; end=$((SECONDS + secs))
    for i in "${!node_ports[@]}"; do
      n=$((i + 1)); alive "$dir/node$n/pid" || continue
      until healthy "$n"; do
        [ $SECONDS -lt $end ] || die "node$n is not healthy after $secs s: $(health_says "$n")"
        sleep 0.5
      done
    done
    status_java --wait $((end > SECONDS ? end - SECONDS : 1)) || die "not every shard is led and caught up"
    ;;
  heal)
    # a node that does not become healthy in time is restarted: after a ZooKeeper session expiry,
    # Solr 9.10 does not always register again (seen here: LeaderElector "node exists" looping into
    # a StackOverflowError, the node never back in live_nodes); in production, the service manager's
    # health check should do the same
    build; zk_ok || die "ZooKeeper does not answer on $zk_host"
    secs=${args[0]:-60}
    for i in "${!node_ports[@]}"; do
      n=$((i + 1)); end=$((SECONDS + secs))
      until healthy "$n" || [ $SECONDS -ge $end ]; do sleep 0.5; done
      if ! healthy "$n"; then
        echo "node$n: not healthy after $secs s ($(health_says "$n")): restarting it"
        kill9=1 stop_pid "$dir/node$n/pid" "node$n"
        start_node "$n"
      else
        echo "node$n: healthy"
      fi
    done
    "$0" wait 180 --dir "$dir" > /dev/null || die "not every shard is led and caught up after healing"
    echo "cluster: every node healthy, every shard led and caught up"
    ;;
  stop-node) [ ${#args[@]} -eq 1 ] || usage; stop_pid "$dir/node${args[0]}/pid" "node${args[0]}" ;;
  start-node) [ ${#args[@]} -eq 1 ] || usage; build; start_node "${args[0]}" ;;
  stop-zk) stop_pid "$dir/zk/pid" zookeeper ;;
  start-zk) build; start_zk ;;
  *) usage ;;
esac
