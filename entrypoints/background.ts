export default defineBackground(() => {
  console.log("Belarus Briefings background started");
});
