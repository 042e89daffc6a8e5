from gongkai_cli.cli import main

main(prog_name="gongkai")
