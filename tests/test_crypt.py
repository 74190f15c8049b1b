"""An encrypted caseload: age files in the repository, plaintext in the working tree, a
clean `git status`, union merges kept, and no key no leak."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pyrage
import pytest

from crypthelp import CASE, GIT_ENV, Run, encrypted_caseload, git, make_key, no_key, objects, tree_state

AGE = shutil.which("age")
needs_age = pytest.mark.skipif(AGE is None, reason="the `age` tool is not installed (Debian: apt-get install age)")


def test_init_encrypt_writes_recipients_attributes_and_git_config(gga: Run, tmp_path: Path) -> None:
    worker, escrow = make_key(tmp_path / "keys", "anna"), make_key(tmp_path / "keys", "archief")
    root = encrypted_caseload(gga, tmp_path / "caseload", [worker], escrow)
    assert (root / ".gga-recipients").read_text().endswith(f"# worker\n{worker.public}\n\n# escrow\n{escrow.public}\n")
    assert (root / ".gitattributes").read_text().endswith("cases/** filter=gga diff=gga merge=gga -text\ncases/.gitkeep -filter -diff -merge\n")
    config = git(root, "config", "--get-regexp", r"^(filter|diff|merge)\.gga\.").decode()
    assert "filter.gga.required true\n" in config
    assert "-m gga_cli.crypt.process\n" in config and "-m gga_cli.crypt.driver merge %O %A %B %P\n" in config
    assert "cachetextconv" not in config  # git notes would keep the plaintext in the object store


def test_init_encrypt_without_an_escrow_key_is_refused_and_writes_nothing(gga: Run, tmp_path: Path) -> None:
    worker = make_key(tmp_path / "keys", "anna")
    result = gga("init", "caseload", "--encrypt", "--recipient", worker.public, env=worker.env())
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "gga: --encrypt needs at least one --recipient (a worker) and an --escrow key of the organisation\n"
    assert not (tmp_path / "caseload").exists()


def test_init_encrypt_with_a_bad_key_is_wrong_use(gga: Run, tmp_path: Path) -> None:
    escrow = make_key(tmp_path / "keys", "archief")
    result = gga("init", "caseload", "--encrypt", "--recipient", "age1nietsleutel", "--escrow", escrow.public)
    assert (result.returncode, result.stderr) == (2, "gga: geen age public key (age1...): age1nietsleutel\n")
    assert not (tmp_path / "caseload").exists()


def test_every_case_blob_is_an_age_file_and_the_working_tree_is_plain_and_clean(gga: Run, tmp_path: Path) -> None:
    worker, escrow = make_key(tmp_path / "keys", "anna"), make_key(tmp_path / "keys", "archief")
    root = encrypted_caseload(gga, tmp_path / "caseload", [worker], escrow)
    names = git(root, "ls-tree", "-r", "--name-only", "HEAD", "--", "cases").decode().split()
    assert names == ["cases/.gitkeep"] + [f"{CASE}/{n}" for n in ("case.yaml", "contacts.yaml", "genogram.yaml", "safety-plan.yaml", "scores.yaml")]
    names.remove("cases/.gitkeep")  # the empty placeholder of a new caseload is left plain
    for name in names:
        assert git(root, "cat-file", "blob", f"HEAD:{name}").startswith(b"age-encryption.org/v1\n")
    assert (root / CASE / "genogram.yaml").read_text().startswith("people:\n")
    assert git(root, "status", "--porcelain", env=worker.env()) == b""
    before = git(root, "rev-parse", f"HEAD:{CASE}/case.yaml")
    git(root, "add", "--renormalize", ".", env=worker.env())  # clean runs again on every file
    assert git(root, "status", "--porcelain", env=worker.env()) == b""
    assert git(root, "rev-parse", f":{CASE}/case.yaml") == before


def test_a_blob_written_by_gga_decrypts_with_pyrage_alone_to_the_exact_plaintext(gga: Run, tmp_path: Path) -> None:
    worker, escrow = make_key(tmp_path / "keys", "anna"), make_key(tmp_path / "keys", "archief")
    root = encrypted_caseload(gga, tmp_path / "caseload", [worker], escrow)
    blob = git(root, "cat-file", "blob", f"HEAD:{CASE}/contacts.yaml")
    assert pyrage.decrypt(blob, [escrow.identity]) == (root / CASE / "contacts.yaml").read_bytes()


@needs_age
def test_a_blob_written_by_gga_decrypts_with_the_age_tool(gga: Run, tmp_path: Path) -> None:
    worker, escrow = make_key(tmp_path / "keys", "anna"), make_key(tmp_path / "keys", "archief")
    root = encrypted_caseload(gga, tmp_path / "caseload", [worker], escrow)
    blob = git(root, "cat-file", "blob", f"HEAD:{CASE}/case.yaml")
    plain = subprocess.run([str(AGE), "-d", "-i", str(escrow.file)], input=blob, capture_output=True, check=True).stdout
    assert plain == (root / CASE / "case.yaml").read_bytes()


@needs_age
def test_a_file_encrypted_by_the_age_tool_for_the_recipients_checks_out_plain(gga: Run, tmp_path: Path) -> None:
    worker, escrow = make_key(tmp_path / "keys", "anna"), make_key(tmp_path / "keys", "archief")
    root = encrypted_caseload(gga, tmp_path / "caseload", [worker], escrow)
    note = b"- {date: 2026-01-21, score: 4}\n"
    sealed = subprocess.run([str(AGE), "-R", str(root / ".gga-recipients")], input=note, capture_output=True, check=True).stdout
    (root / CASE / "scores.yaml").write_bytes(sealed)
    git(root, "add", ".", env=worker.env())
    git(root, "commit", "-q", "-m", "score from age", env=worker.env())
    assert git(root, "cat-file", "blob", f"HEAD:{CASE}/scores.yaml") == sealed
    git(tmp_path, "clone", "-q", str(root), "clone", env=escrow.env())
    clone = tmp_path / "clone"
    assert gga("crypt", "setup", cwd=clone, env=escrow.env()).returncode == 0
    assert (clone / CASE / "scores.yaml").read_bytes() == note
    assert git(clone, "status", "--porcelain", env=escrow.env()) == b""


def test_crypt_setup_checks_a_fresh_clone_out_plain_and_clean(gga: Run, tmp_path: Path) -> None:
    anna, bram, escrow = (make_key(tmp_path / "keys", n) for n in ("anna", "bram", "archief"))
    root = encrypted_caseload(gga, tmp_path / "caseload", [anna, bram], escrow)
    git(tmp_path, "clone", "-q", str(root), "clone", env=bram.env())
    clone = tmp_path / "clone"
    assert (clone / CASE / "case.yaml").read_bytes().startswith(b"age-encryption.org/v1\n")
    result = gga("crypt", "setup", cwd=clone, env=bram.env())
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr.startswith("versleutelde caseload ingesteld in .: ")
    assert (clone / CASE / "case.yaml").read_bytes() == (root / CASE / "case.yaml").read_bytes()
    assert git(clone, "status", "--porcelain", env=bram.env()) == b""
    assert gga("check", "--today", "2026-01-21", cwd=clone, env=bram.env()).returncode == 0


def test_crypt_setup_before_the_first_checkout_of_a_no_checkout_clone(gga: Run, tmp_path: Path) -> None:
    """`git clone --no-checkout`, to check out only some cases: the filter is set up first, and
    the checkout decrypts as it writes."""
    anna, bram, escrow = (make_key(tmp_path / "keys", n) for n in ("anna", "bram", "archief"))
    root = encrypted_caseload(gga, tmp_path / "caseload", [anna, bram], escrow)
    git(tmp_path, "clone", "-q", "--no-checkout", str(root), "clone", env=bram.env())
    clone = tmp_path / "clone"
    result = gga("crypt", "setup", cwd=clone, env=bram.env())
    assert result.returncode == 0, result.stderr
    assert "nog niets uitgecheckt" in result.stderr
    git(clone, "sparse-checkout", "set", CASE, env=bram.env())
    git(clone, "checkout", "-q", "main", env=bram.env())
    assert (clone / CASE / "scores.yaml").read_bytes() == (root / CASE / "scores.yaml").read_bytes()
    assert git(clone, "status", "--porcelain", env=bram.env()) == b""


def test_crypt_setup_of_a_no_checkout_clone_without_a_key_refuses_and_configures_nothing(gga: Run, tmp_path: Path) -> None:
    anna, escrow = make_key(tmp_path / "keys", "anna"), make_key(tmp_path / "keys", "archief")
    root = encrypted_caseload(gga, tmp_path / "caseload", [anna], escrow)
    git(tmp_path, "clone", "-q", "--no-checkout", str(root), "clone", env=no_key(tmp_path))
    config = (tmp_path / "clone" / ".git" / "config").read_bytes()
    result = gga("crypt", "setup", cwd=tmp_path / "clone", env=no_key(tmp_path))
    assert result.returncode == 1 and f"{CASE}/" in result.stderr and "versleuteld: geen sleutel" in result.stderr
    assert (tmp_path / "clone" / ".git" / "config").read_bytes() == config


def test_files_named_with_spaces_accents_or_bytes_not_utf8_are_encrypted_and_check_out_clean(gga: Run, tmp_path: Path) -> None:
    """A worker may put any file in a case folder: git hands the filter its name as bytes."""
    anna, escrow = make_key(tmp_path / "keys", "anna"), make_key(tmp_path / "keys", "archief")
    root = encrypted_caseload(gga, tmp_path / "caseload", [anna], escrow)
    folder = os.fsencode(root / CASE)
    names = [b"verslag huisbezoek.txt", "notitie één.txt".encode(), b"bad\xffname.txt"]
    for number, name in enumerate(names):
        with open(os.path.join(folder, name), "wb") as file:
            file.write(b"Sjors vertelt %d\n" % number)
    git(root, "add", "-A", env=anna.env())
    git(root, "commit", "-q", "-m", "notes", env=anna.env())
    assert git(root, "status", "--porcelain", env=anna.env()) == b""
    for name in names:
        blob = git(root, "cat-file", "blob", "HEAD:" + os.fsdecode(os.path.join(os.fsencode(CASE), name)), env=anna.env())
        assert blob.startswith(b"age-encryption.org/v1\n")
    git(tmp_path, "clone", "-q", str(root), "clone", env=anna.env())
    assert gga("crypt", "setup", cwd=tmp_path / "clone", env=anna.env()).returncode == 0
    clone = os.fsencode(tmp_path / "clone" / CASE)
    for number, name in enumerate(names):
        with open(os.path.join(clone, name), "rb") as file:
            assert file.read() == b"Sjors vertelt %d\n" % number
    assert git(tmp_path / "clone", "status", "--porcelain", env=anna.env()) == b""


def test_committing_one_changed_file_by_its_path_stages_the_same_blob_as_it_commits(gga: Run, tmp_path: Path) -> None:
    """`git commit PATH` cleans the file for a temporary index and again for the index, in one
    filter process: both must get the same age file, or the index differs from the commit."""
    anna, escrow = make_key(tmp_path / "keys", "anna"), make_key(tmp_path / "keys", "archief")
    root = encrypted_caseload(gga, tmp_path / "caseload", [anna], escrow)
    for name, line in (("scores.yaml", "- {date: 2026-01-22, score: 7}\n"),
                       ("contacts.yaml", "- {date: 2026-01-22, kind: phone, with: [els]}\n")):
        with (root / CASE / name).open("a", encoding="utf-8") as file:
            file.write(line)
    git(root, "commit", "-q", "-m", "score", "--", f"{CASE}/scores.yaml", env=anna.env())
    assert git(root, "status", "--porcelain", env=anna.env()) == f" M {CASE}/contacts.yaml\n".encode()
    index = git(root, "rev-parse", f":{CASE}/scores.yaml", env=anna.env())
    assert index == git(root, "rev-parse", f"HEAD:{CASE}/scores.yaml", env=anna.env())


def test_a_clone_without_a_key_fails_clearly_and_nothing_is_written(gga: Run, tmp_path: Path) -> None:
    anna, escrow = make_key(tmp_path / "keys", "anna"), make_key(tmp_path / "keys", "archief")
    root = encrypted_caseload(gga, tmp_path / "caseload", [anna], escrow)
    git(tmp_path, "clone", "-q", str(root), "clone", env=no_key(tmp_path))
    clone = tmp_path / "clone"
    before, config = tree_state(clone), (clone / ".git" / "config").read_bytes()
    folder = clone / CASE
    for args, cwd in ((["check"], clone), (["status"], clone), (["show", "--case", "2026-0042"], clone),
                      (["score", "5", "--date", "2026-01-21"], folder), (["phase", "2"], folder),
                      (["handover", "--case", "2026-0042", "--draft"], folder), (["crypt", "setup"], clone)):
        result = gga(*args, "--today", "2026-01-21", cwd=cwd, env=no_key(tmp_path)) if args[0] not in ("crypt", "handover") \
            else gga(*args, cwd=cwd, env=no_key(tmp_path))
        assert (args, result.returncode, result.stdout) == (args, 1, "")
        assert len(result.stderr.splitlines()) == 1, result.stderr
        assert result.stderr.startswith(f"gga: {CASE}/") or result.stderr.startswith("gga: case.yaml"), result.stderr
        assert ": versleuteld: geen sleutel" in result.stderr
    assert tree_state(clone) == before
    assert (clone / ".git" / "config").read_bytes() == config


def test_the_no_key_message_names_the_file(gga: Run, tmp_path: Path) -> None:
    anna, escrow = make_key(tmp_path / "keys", "anna"), make_key(tmp_path / "keys", "archief")
    root = encrypted_caseload(gga, tmp_path / "caseload", [anna], escrow)
    git(tmp_path, "clone", "-q", str(root), "clone", env=no_key(tmp_path))
    result = gga("check", "--today", "2026-01-21", cwd=tmp_path / "clone", env=no_key(tmp_path))
    assert result.stderr == (f"gga: {CASE}/case.yaml: versleuteld: geen sleutel "
                             "(zet GGA_AGE_KEY_FILE op je age-sleutel en draai `gga crypt setup`)\n")


def test_two_clones_two_workers_keep_both_scores_and_contacts_and_no_name_reaches_the_objects(gga: Run, tmp_path: Path) -> None:
    anna, bram, escrow = (make_key(tmp_path / "keys", n) for n in ("anna", "bram", "archief"))
    root = encrypted_caseload(gga, tmp_path / "caseload", [anna, bram], escrow)
    git(tmp_path, "clone", "-q", "--bare", str(root), "server.git")
    clones = {}
    for key, name in ((anna, "anna"), (bram, "bram")):
        git(tmp_path, "clone", "-q", str(tmp_path / "server.git"), name, env=key.env())
        assert gga("crypt", "setup", cwd=tmp_path / name, env=key.env()).returncode == 0
        clones[name] = (tmp_path / name, key)
    for name, day, score in (("anna", "2026-01-22", "7"), ("bram", "2026-01-23", "4")):
        folder, key = clones[name]
        result = gga("contact", "home_visit", "--with", "els", "--alone", "sjors", "--date", day, "--score", score,
                     "--note", f"{name}: Sjors vertelt", "--today", day, "--commit", cwd=folder / CASE, env=key.env())
        assert result.returncode == 0, result.stderr
    git(clones["anna"][0], "push", "-q", "origin", "main", env=anna.env())
    git(clones["bram"][0], "pull", "-q", "--no-rebase", "--no-edit", "origin", "main", env=bram.env())
    git(clones["bram"][0], "push", "-q", "origin", "main", env=bram.env())
    git(clones["anna"][0], "pull", "-q", "--no-rebase", "origin", "main", env=anna.env())
    for folder, key in clones.values():
        scores = (folder / CASE / "scores.yaml").read_text()
        contacts = (folder / CASE / "contacts.yaml").read_text()
        assert 'note: "anna: Sjors vertelt"' in contacts and 'note: "bram: Sjors vertelt"' in contacts
        assert "- {date: 2026-01-22, score: 7}\n" in scores and "- {date: 2026-01-23, score: 4}\n" in scores
        assert git(folder, "status", "--porcelain", env=key.env()) == b""
        assert (folder / CASE / "scores.yaml").read_bytes() == (clones["anna"][0] / CASE / "scores.yaml").read_bytes()
    for repository in (tmp_path / "server.git", clones["anna"][0], clones["bram"][0]):
        leaked = [o[:40] for o in objects(repository) if b"Sjors" in o or b"Brood" in o]
        assert leaked == []


def test_a_rebase_replays_scores_onto_another_workers_contact_and_leaves_the_tree_clean(gga: Run, tmp_path: Path) -> None:
    """One filter process serves the whole rebase, through several states of the index: its
    look-up of a file's blob in the index must follow them (it once judged a replayed file
    against the index of before, found it changed, and the rebase stopped)."""
    anna, escrow = make_key(tmp_path / "keys", "anna"), make_key(tmp_path / "keys", "archief")
    root = encrypted_caseload(gga, tmp_path / "caseload", [anna], escrow)
    env = anna.env()
    git(root, "checkout", "-q", "-b", "scores", env=env)
    for day, score in (("2026-01-22", "7"), ("2026-01-23", "6"), ("2026-01-24", "5")):
        result = gga("score", score, "--date", day, "--today", day, "--commit", cwd=root / CASE, env=env)
        assert result.returncode == 0, result.stderr
    git(root, "checkout", "-q", "main", env=env)
    result = gga("contact", "phone", "--with", "els", "--date", "2026-01-22", "--today", "2026-01-22", "--commit",
                 cwd=root / CASE, env=env)
    assert result.returncode == 0, result.stderr
    git(root, "checkout", "-q", "scores", env=env)
    git(root, "rebase", "-q", "main", env=env)
    assert git(root, "status", "--porcelain", env=env) == b""
    scores = (root / CASE / "scores.yaml").read_text()
    assert scores.endswith("- {date: 2026-01-22, score: 7}\n- {date: 2026-01-23, score: 6}\n- {date: 2026-01-24, score: 5}\n")
    assert "kind: phone" in (root / CASE / "contacts.yaml").read_text()
    assert all(o.startswith(b"age-encryption.org/v1") for o in (git(root, "cat-file", "blob", f"HEAD:{CASE}/{name}", env=env)
                                                               for name in ("scores.yaml", "contacts.yaml")))


def test_a_conflict_in_a_case_file_is_left_marked_in_plaintext_for_gga_check(gga: Run, tmp_path: Path) -> None:
    anna, escrow = make_key(tmp_path / "keys", "anna"), make_key(tmp_path / "keys", "archief")
    root = encrypted_caseload(gga, tmp_path / "caseload", [anna], escrow)
    case = root / CASE / "case.yaml"
    original = case.read_text()
    git(root, "checkout", "-q", "-b", "other", env=anna.env())
    case.write_text(original.replace("worker: Peter Brood", "worker: Anna de Vries"))
    git(root, "commit", "-q", "-am", "worker anna", env=anna.env())
    git(root, "checkout", "-q", "main", env=anna.env())
    case.write_text(original.replace("worker: Peter Brood", "worker: Bram Smit"))
    git(root, "commit", "-q", "-am", "worker bram", env=anna.env())
    merged = subprocess.run(["git", "-c", "user.name=Anna", "-c", "user.email=anna@example.org", "merge", "other"], cwd=root,
                            capture_output=True, env={**os.environ, **anna.env()})
    assert merged.returncode == 1
    text = case.read_text()
    assert "<<<<<<< ours\nworker: Bram Smit\n=======\nworker: Anna de Vries\n>>>>>>> theirs\n" in text
    result = gga("check", "--format", "json", "--today", "2026-01-21", cwd=root, env=anna.env())
    assert '"code": "F004"' in result.stdout


def test_git_diff_shows_plaintext_to_a_key_holder(gga: Run, tmp_path: Path) -> None:
    anna, escrow = make_key(tmp_path / "keys", "anna"), make_key(tmp_path / "keys", "archief")
    root = encrypted_caseload(gga, tmp_path / "caseload", [anna], escrow)
    assert gga("score", "3", "--date", "2026-01-21", "--today", "2026-01-21", "--commit", cwd=root / CASE, env=anna.env()).returncode == 0
    shown = git(root, "log", "-p", "-1", "--format=", env=anna.env()).decode()
    assert "\n+- {date: 2026-01-21, score: 3}\n" in shown


def test_git_log_without_the_key_names_each_change_and_shows_none_of_it(gga: Run, tmp_path: Path) -> None:
    """A worker removed from the recipients, or a shell without the key: `git log -p` goes on
    (a failing textconv stopped it at the first file) and shows one line for each version."""
    anna, escrow = make_key(tmp_path / "keys", "anna"), make_key(tmp_path / "keys", "archief")
    root = encrypted_caseload(gga, tmp_path / "caseload", [anna], escrow)
    assert gga("score", "3", "--date", "2026-01-21", "--today", "2026-01-21", "--commit", cwd=root / CASE, env=anna.env()).returncode == 0
    shown = git(root, "log", "-p", "--format=", env=no_key(tmp_path)).decode()
    assert "+versleuteld: geen sleutel (age-bestand " in shown
    assert "-versleuteld: geen sleutel (age-bestand " in shown  # the score's commit: one version for another
    assert "Brood" not in shown and "Sjors" not in shown and "score: 3" not in shown


def test_removing_a_recipient_closes_new_commits_to_that_key(gga: Run, tmp_path: Path) -> None:
    anna, bram, escrow = (make_key(tmp_path / "keys", n) for n in ("anna", "bram", "archief"))
    root = encrypted_caseload(gga, tmp_path / "caseload", [anna, bram], escrow)
    result = gga("keys", "remove", bram.public, cwd=root, env=anna.env())
    assert result.returncode == 0, result.stderr
    assert result.stdout == ("let op: de geschiedenis die deze sleutel al heeft opgehaald blijft voor die sleutel leesbaar; "
                             "alleen nieuwe commits zijn voor hem dicht.\n")
    git(root, "commit", "-q", "-m", "bram leaves the team", env=anna.env())
    assert git(root, "status", "--porcelain", env=anna.env()) == b""
    names = git(root, "ls-tree", "-r", "--name-only", "HEAD", "--", CASE).decode().split()
    for name in names:
        blob = git(root, "cat-file", "blob", f"HEAD:{name}")
        with pytest.raises(pyrage.DecryptError):
            pyrage.decrypt(blob, [bram.identity])
        assert pyrage.decrypt(blob, [anna.identity]) == (root / name).read_bytes()
    old = git(root, "cat-file", "blob", f"HEAD~1:{CASE}/case.yaml")
    assert pyrage.decrypt(old, [bram.identity]) == (root / CASE / "case.yaml").read_bytes()  # history stays readable
    listed = gga("keys", "list", cwd=root, env=anna.env()).stdout
    assert listed == f"medewerker  {anna.public}\nescrow      {escrow.public}\n"


def test_keys_add_lets_a_new_worker_read_the_tree(gga: Run, tmp_path: Path) -> None:
    anna, carla, escrow = (make_key(tmp_path / "keys", n) for n in ("anna", "carla", "archief"))
    root = encrypted_caseload(gga, tmp_path / "caseload", [anna], escrow)
    assert gga("keys", "add", carla.public, cwd=root, env=anna.env()).returncode == 0
    git(root, "commit", "-q", "-m", "carla joins", env=anna.env())
    blob = git(root, "cat-file", "blob", f"HEAD:{CASE}/case.yaml")
    assert pyrage.decrypt(blob, [carla.identity]) == (root / CASE / "case.yaml").read_bytes()
    assert gga("keys", "list", cwd=root).stdout == f"medewerker  {anna.public}\nescrow      {escrow.public}\nmedewerker  {carla.public}\n"


def test_keys_remove_of_the_last_escrow_key_is_refused(gga: Run, tmp_path: Path) -> None:
    anna, escrow = make_key(tmp_path / "keys", "anna"), make_key(tmp_path / "keys", "archief")
    root = encrypted_caseload(gga, tmp_path / "caseload", [anna], escrow)
    before = (root / ".gga-recipients").read_bytes()
    result = gga("keys", "remove", escrow.public, cwd=root, env=anna.env())
    assert (result.returncode, result.stderr) == (1, "gga: .gga-recipients: geen escrow-sleutel van de organisatie; gga versleutelt niet zonder\n")
    assert (root / ".gga-recipients").read_bytes() == before


def test_keys_without_a_key_to_decrypt_the_tree_refuse_and_change_nothing(gga: Run, tmp_path: Path) -> None:
    anna, bram, escrow = (make_key(tmp_path / "keys", n) for n in ("anna", "bram", "archief"))
    root = encrypted_caseload(gga, tmp_path / "caseload", [anna, bram], escrow)
    before = (root / ".gga-recipients").read_bytes()
    result = gga("keys", "remove", bram.public, cwd=root, env=no_key(tmp_path))
    assert result.returncode == 1
    assert result.stderr.startswith(f"gga: {CASE}/") and ": versleuteld: geen sleutel" in result.stderr
    assert (root / ".gga-recipients").read_bytes() == before
    assert git(root, "status", "--porcelain", env=anna.env()) == b""


def test_a_passphrase_protected_identity_opens_the_caseload(gga: Run, tmp_path: Path) -> None:
    anna, escrow = make_key(tmp_path / "keys", "anna"), make_key(tmp_path / "keys", "archief")
    root = encrypted_caseload(gga, tmp_path / "caseload", [anna], escrow)
    locked = tmp_path / "keys" / "anna.age"
    locked.write_bytes(pyrage.passphrase.encrypt(anna.file.read_bytes(), "lange zin van anna"))
    git(tmp_path, "clone", "-q", str(root), "clone", env=no_key(tmp_path))
    env = {**GIT_ENV, "GGA_AGE_KEY_FILE": str(locked), "GGA_AGE_PASSPHRASE": "lange zin van anna"}
    assert gga("crypt", "setup", cwd=tmp_path / "clone", env=env).returncode == 0
    assert (tmp_path / "clone" / CASE / "case.yaml").read_bytes() == (root / CASE / "case.yaml").read_bytes()
    wrong = gga("check", cwd=tmp_path / "clone", env={**env, "GGA_AGE_PASSPHRASE": "fout"})
    assert wrong.returncode == 0  # the working tree is plain: only git's filter needs the key


def test_the_key_file_falls_back_to_sops_age_key_file(gga: Run, tmp_path: Path) -> None:
    anna, escrow = make_key(tmp_path / "keys", "anna"), make_key(tmp_path / "keys", "archief")
    root = encrypted_caseload(gga, tmp_path / "caseload", [anna], escrow)
    git(tmp_path, "clone", "-q", str(root), "clone", env=no_key(tmp_path))
    env = {**GIT_ENV, "SOPS_AGE_KEY_FILE": str(anna.file), "HOME": str(tmp_path)}
    result = gga("crypt", "setup", cwd=tmp_path / "clone", env={**env, "GGA_AGE_KEY_FILE": ""})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "clone" / CASE / "case.yaml").read_bytes() == (root / CASE / "case.yaml").read_bytes()


def test_every_crypt_and_keys_command_has_help_with_an_example(gga: Run) -> None:
    for group, command in (("crypt", "setup"), ("keys", "list"), ("keys", "add"), ("keys", "remove")):
        result = gga(group, command, "--help")
        assert result.returncode == 0
        assert f"Example: {'GGA_AGE_KEY_FILE=~/.age/gga.txt ' if group == 'crypt' else ''}gga {group} {command}" in result.stdout.replace("\n", " ")


def test_keys_outside_an_encrypted_caseload_refuses(gga: Run, caseload: Callable[[dict[str, str]], Path]) -> None:
    root = caseload({})
    result = gga("keys", "list", cwd=root)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == "gga: .gga-recipients ontbreekt in .: geen versleutelde caseload (gga init --encrypt)\n"


def test_without_recipients_git_add_fails_and_stores_no_plaintext(gga: Run, tmp_path: Path) -> None:
    anna, escrow = make_key(tmp_path / "keys", "anna"), make_key(tmp_path / "keys", "archief")
    root = encrypted_caseload(gga, tmp_path / "caseload", [anna], escrow)
    (root / ".gga-recipients").write_text(f"# worker\n{anna.public}\n")  # the escrow key gone
    (root / CASE / "scores.yaml").write_text("- {date: 2026-01-21, score: 2, note: Sjors huilt}\n")
    added = subprocess.run(["git", "add", "."], cwd=root, capture_output=True, text=True, env={**os.environ, **anna.env()})
    assert added.returncode != 0
    assert f"gga: {CASE}/scores.yaml: niet versleuteld: .gga-recipients: geen escrow-sleutel van de organisatie" in added.stderr
    assert not [o for o in objects(root) if b"Sjors huilt" in o]
