// npm run db:rerender (and npm start, after migrating): renders again every stored article and
// comment whose render comes from an older markdown pipeline (RENDER_VERSION), with its blog's
// settings, in bounded batches, and blog descriptions never rendered or rendered by an older one.
// Then indexes for search the approved comments the index lacks (those written before comment
// search existed, or whose indexing failed): nothing to do costs two queries.
import { rerenderStaleDescriptions } from "../lib/blogs";
import { rerenderStaleComments } from "../lib/comments";
import { disconnectDb } from "../lib/db";
import { closeLiveBus } from "../lib/live";
import { renderPool } from "../lib/markdown";
import { pagesChanged } from "../lib/page-cache";
import { rerenderStalePosts } from "../lib/posts";
import { indexMissingComments } from "../lib/search";

try {
  const posts = await rerenderStalePosts();
  const comments = await rerenderStaleComments();
  const descriptions = await rerenderStaleDescriptions();
  if (posts + comments + descriptions > 0) {
    console.log(
      `Rendered again with the current pipeline: ${posts} article(s), ${comments} comment(s), ${descriptions} blog description(s).`,
    );
    await pagesChanged();
  } else console.log("Every stored render is current.");
  const indexed = await indexMissingComments();
  if (indexed > 0) console.log(`Indexed ${indexed} comment(s) for search.`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await renderPool().close();
  await closeLiveBus();
  await disconnectDb();
}
